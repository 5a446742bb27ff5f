namespace AudioLab.Server.Contracts;

/// <summary>A track's post-fader meters.</summary>
public sealed record TrackMetersResponse(Guid TrackId, MeterResponse Left, MeterResponse Right);
