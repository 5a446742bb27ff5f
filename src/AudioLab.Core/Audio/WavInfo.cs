namespace AudioLab.Core.Audio;

/// <summary>What a WAV header says, checked against what the file really holds.</summary>
/// <param name="DeclaredFrames">Frames the header claims (may exceed <paramref name="AvailableFrames"/> in a truncated file).</param>
/// <param name="AvailableFrames">Whole frames actually present in the file.</param>
public sealed record WavInfo(
    int Channels,
    int SampleRate,
    SampleFormat Format,
    long DeclaredFrames,
    long AvailableFrames,
    long DataOffset,
    bool IsRf64)
{
    public int BlockAlign => Channels * Format.BytesPerSample();

    /// <summary>True when the header promises more audio than the file holds (cut short, or a crashed recording).</summary>
    public bool IsTruncated => AvailableFrames < DeclaredFrames;
}
