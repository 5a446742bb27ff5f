namespace AudioLab.Engine.Rendering;

/// <summary>What an export produced. <see cref="PeakDbfs"/> and <see cref="ClippedSamples"/> are the mix's.</summary>
/// <param name="NormalizeGainDb">Gain applied by normalisation (0 without it).</param>
/// <param name="UnderrunFrames">Frames the disk could not deliver (always 0 offline: the render waits for the disk).</param>
public sealed record ExportResult(
    IReadOnlyList<ExportedFile> Files,
    long FramesWritten,
    int SampleRate,
    double? PeakDbfs,
    long ClippedSamples,
    double NormalizeGainDb,
    long UnderrunFrames,
    TimeSpan Elapsed);
