namespace AudioLab.Server.Contracts;

/// <summary>A clip as the API shows it: every position in frames and, beside it, in seconds.</summary>
public sealed record ClipResponse(
    Guid Id,
    Guid TrackId,
    Guid ProjectId,
    Guid AudioFileId,
    int SampleRate,
    long StartFrame,
    double StartTime,
    long EndFrame,
    double EndTime,
    long SourceOffsetFrames,
    double SourceOffsetSeconds,
    long LengthFrames,
    double LengthSeconds,
    double GainDb,
    long FadeInFrames,
    double FadeInSeconds,
    long FadeOutFrames,
    double FadeOutSeconds,
    long? InputLatencyFrames,
    long? OutputLatencyFrames,
    long? CalibrationFrames,
    DateTime CreatedAt,
    AudioFileResponse AudioFile);
