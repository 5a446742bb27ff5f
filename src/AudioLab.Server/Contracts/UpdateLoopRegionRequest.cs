namespace AudioLab.Server.Contracts;

/// <summary>
/// Body of <c>PATCH /api/loop-regions/{id}</c>: fields left out (or null) stay as they are;
/// <c>repeat_count: 0</c> makes the loop infinite again.
/// </summary>
public sealed record UpdateLoopRegionRequest(
    string? Name = null,
    double? StartTime = null,
    long? StartFrame = null,
    double? EndTime = null,
    long? EndFrame = null,
    bool? IsEnabled = null,
    int? RepeatCount = null);
