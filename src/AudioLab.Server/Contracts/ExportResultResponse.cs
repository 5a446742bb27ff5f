namespace AudioLab.Server.Contracts;

/// <summary>
/// What a finished export produced. <see cref="PeakDbfs"/> is the mix's highest sample before quantisation (above 0 when
/// it clipped; null for digital silence) and <see cref="ClippedSamples"/> counts samples at or beyond full scale.
/// </summary>
public sealed record ExportResultResponse(
    long Frames,
    double Seconds,
    int SampleRate,
    double? PeakDbfs,
    long ClippedSamples,
    double NormalizeGainDb,
    double ElapsedSeconds,
    IReadOnlyList<ExportFileResponse> Files);
