namespace AudioLab.Engine.Session;

/// <summary>The transport as the audio thread left it after a block; published through a seqlock, readable by any number of threads.</summary>
/// <param name="PositionFrame">Timeline frame the next block starts at (the playhead).</param>
/// <param name="DeviceFrame">Device frame the next block starts at (the engine clock).</param>
/// <param name="RollStartDeviceFrame">Device frame at which the transport last started rolling (after play or seek), -1 if never.</param>
/// <param name="LoopCount">Loop wraps since the last play or seek.</param>
/// <param name="XrunCount">Device periods lost or flagged late.</param>
/// <param name="LostFrames">Device frames skipped by xruns (the timeline moved on over them).</param>
/// <param name="ActiveRecordings">Recordings still taking input.</param>
/// <param name="GraphSwaps">Graphs taken over by the audio thread since the session started.</param>
public readonly record struct TransportSnapshot(
    long PositionFrame,
    TransportState State,
    long DeviceFrame,
    long RollStartDeviceFrame,
    int LoopCount,
    long XrunCount,
    long LostFrames,
    int ActiveRecordings,
    long GraphSwaps)
{
    public bool IsPlaying => State != TransportState.Stopped;
}
