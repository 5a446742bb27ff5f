namespace AudioLab.Server.Contracts;

/// <summary>One written file: the mix (<see cref="TrackId"/> null) or a track's stem, with where to download it.</summary>
public sealed record ExportFileResponse(
    string Name,
    Guid? TrackId,
    string? TrackName,
    string Url,
    long Bytes,
    double? PeakDbfs,
    long ClippedSamples);
