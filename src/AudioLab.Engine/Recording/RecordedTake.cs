namespace AudioLab.Engine.Recording;

/// <summary>
/// One finished take: a new WAV file and where it belongs. <see cref="StartFrame"/> is the timeline frame the performer
/// heard when playing the take's first frame (latency already compensated), so a clip at that frame with source offset 0
/// lines up with the backing.
/// </summary>
/// <param name="LostFrames">Frames padded with silence because input was lost (xrun) or the disk writer fell behind.</param>
public sealed record RecordedTake(
    Guid TakeId,
    Guid RecordingId,
    Guid TrackId,
    string FilePath,
    int SampleRate,
    int Channels,
    long StartFrame,
    long LengthFrames,
    LatencyTerms Latency,
    long LostFrames);
