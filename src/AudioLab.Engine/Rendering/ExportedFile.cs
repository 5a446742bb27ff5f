namespace AudioLab.Engine.Rendering;

/// <summary>One written file. <see cref="TrackId"/> is null for the mix.</summary>
/// <param name="PeakDbfs">Highest absolute sample before quantisation, in dBFS (above 0 when clipped); null for digital silence.</param>
/// <param name="ClippedSamples">Samples at or above full scale (|x| ≥ 1) before quantisation.</param>
public sealed record ExportedFile(string Path, Guid? TrackId, string Name, double? PeakDbfs, long ClippedSamples);
