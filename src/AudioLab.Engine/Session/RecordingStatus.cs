namespace AudioLab.Engine.Session;

/// <summary>A running recording as seen by control threads.</summary>
public sealed record RecordingStatus(Guid RecordingId, Guid TrackId, IReadOnlyList<int> InputChannels, long FramesCaptured, long LostFrames, bool Finished);
