namespace AudioLab.Server.Contracts;

/// <summary>
/// Waveform overview of a clip: for each channel, <see cref="PeakCount"/> [min, max] pairs flattened as
/// [min0, max0, min1, max1, ...], each pair covering <see cref="FramesPerPeak"/> frames (the last may cover fewer).
/// </summary>
public sealed record PeaksResponse(
    Guid ClipId,
    int Channels,
    int SampleRate,
    long LengthFrames,
    long FramesPerPeak,
    int PeakCount,
    IReadOnlyList<float[]> Peaks);
