namespace AudioLab.Engine.Recording;

/// <summary>
/// What one start..stop recording on a track produced. Usually one take; a seek, a stop and restart of the transport,
/// or a loop wrap while recording ends the running take and starts another, so every take is continuous in time.
/// </summary>
/// <param name="Error">Why the disk writer gave up (disk full, file removed), or null. Takes written so far are still listed.</param>
public sealed record RecordingResult(Guid RecordingId, Guid TrackId, IReadOnlyList<RecordedTake> Takes, long LostFrames, string? Error);
