using AudioLab.Engine.Transport;

namespace AudioLab.Engine.Tests.Transport;

/// <summary>
/// Reference model: advances one frame at a time with the rules written out plainly, so the block
/// segmenter's splitting can be checked frame by frame against it.
/// </summary>
internal sealed class NaiveTransport
{
    public long Playhead;
    public long CountIn;
    public LoopRegionState Loop;
    public PunchRegion Punch;
    private bool _wrapPending;

    public FrameStep Step()
    {
        if (CountIn > 0)
        {
            CountIn--;
            return new FrameStep(Playhead, SegmentFlags.CountIn, Loop.Wraps);
        }
        var wrapped = _wrapPending;
        _wrapPending = false;
        if (Loop.JumpPending)
        {
            Loop.JumpPending = false;
            if (Loop.CanWrap)
            {
                Playhead = Loop.StartFrame;
                Loop.Wraps++;
                wrapped = true;
            }
        }
        var inLoop = Loop.Enabled && Playhead >= Loop.StartFrame && Playhead < Loop.EndFrame;
        var recording = Punch.Enabled && Playhead >= Punch.InFrame && Playhead < Punch.OutFrame;
        var flags = SegmentFlags.None;
        if (wrapped) flags |= SegmentFlags.LoopWrapped;
        if (inLoop) flags |= SegmentFlags.InLoop;
        if (recording) flags |= SegmentFlags.Recording;
        if (recording && (!Punch.WasRecording || wrapped)) flags |= SegmentFlags.PunchIn;
        if (Punch.WasRecording && (!recording || wrapped)) flags |= SegmentFlags.PunchOut;
        Punch.WasRecording = recording;
        var step = new FrameStep(Playhead, flags, Loop.Wraps);

        var mayWrap = inLoop && (Loop.RepeatCount is null || Loop.Wraps < Loop.RepeatCount - 1);
        Playhead++;
        if (mayWrap && Playhead == Loop.EndFrame)
        {
            Playhead = Loop.StartFrame;
            Loop.Wraps++;
            _wrapPending = true;
        }
        return step;
    }
}
