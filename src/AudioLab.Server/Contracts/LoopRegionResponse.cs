namespace AudioLab.Server.Contracts;

/// <summary>A loop region; <see cref="RepeatCount"/> null means it loops until stopped.</summary>
public sealed record LoopRegionResponse(
    Guid Id,
    Guid ProjectId,
    string Name,
    long StartFrame,
    double StartTime,
    long EndFrame,
    double EndTime,
    bool IsEnabled,
    int? RepeatCount,
    DateTime CreatedAt);
