namespace AudioLab.Server.Contracts;

/// <summary>A recording_sessions row: one start..stop on a track (status recording, stopped, saved).</summary>
public sealed record RecordingSessionResponse(
    Guid Id,
    Guid TrackId,
    string InputDeviceId,
    IReadOnlyList<int> InputChannels,
    long StartFrame,
    double StartTime,
    long? DurationFrames,
    double? Duration,
    string Status,
    DateTime CreatedAt);
