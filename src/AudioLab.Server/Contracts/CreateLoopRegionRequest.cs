namespace AudioLab.Server.Contracts;

/// <summary>Body of <c>POST /api/projects/{id}/loop-regions</c>: start and end, each in seconds or frames.</summary>
public sealed record CreateLoopRegionRequest(
    string? Name = null,
    double? StartTime = null,
    long? StartFrame = null,
    double? EndTime = null,
    long? EndFrame = null,
    bool? IsEnabled = null,
    int? RepeatCount = null);
