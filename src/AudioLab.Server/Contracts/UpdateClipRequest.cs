namespace AudioLab.Server.Contracts;

/// <summary>
/// Body of <c>PATCH /api/clips/{id}</c>: move (start, track), trim (source offset, length), gain and fades.
/// Fields left out (or null) stay as they are.
/// </summary>
public sealed record UpdateClipRequest(
    Guid? TrackId = null,
    double? StartTime = null,
    long? StartFrame = null,
    long? SourceOffsetFrames = null,
    long? LengthFrames = null,
    double? GainDb = null,
    long? FadeInFrames = null,
    long? FadeOutFrames = null);
