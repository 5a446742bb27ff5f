using AudioLab.Engine.Metering;

namespace AudioLab.Engine.Session;

/// <summary>Everything a control thread may want to show about a live session, copied out (allocates; not for the audio thread).</summary>
public sealed record EngineSnapshot(TransportSnapshot Transport, MeterSnapshot Meters, IReadOnlyList<RecordingStatus> Recordings, int SampleRate);
