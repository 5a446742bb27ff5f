using AudioLab.Engine.Session;

namespace AudioLab.Engine.Recording;

/// <summary>
/// The audio-thread side of recording. Each block, every active <see cref="TrackRecording"/> takes the input frames the
/// performer played while hearing the timeline: input at device frame d belongs to the timeline frame the device played
/// at d - roundTrip (<see cref="TimelineHistory"/>). Frames are anchored on the device's frame counter only, never on
/// wall-clock time. Runs of continuous timeline become takes; input lost to an xrun, or dropped because the ring was
/// full, becomes silence at the right frames so later audio stays aligned. Start and stop requests are device frames in
/// the heard domain: a recording stopped at device frame S keeps taking input until d - roundTrip reaches S.
/// </summary>
public sealed class Recorder
{
    private readonly TrackRecording?[] _active;
    private int _count;

    /// <summary>Control thread; allocates the fixed table of concurrent recordings.</summary>
    public Recorder(int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _active = new TrackRecording?[capacity];
    }

    /// <summary>Recordings still taking input. Audio thread.</summary>
    public int ActiveCount => _count;

    /// <summary>Starts taking input heard from device frame <paramref name="deviceFrame"/> on. False when the table is full. Audio thread; never allocates.</summary>
    public bool Add(TrackRecording recording, long deviceFrame)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (_count == _active.Length) return false;
        recording.HeardStart = deviceFrame;
        _active[_count++] = recording;
        return true;
    }

    /// <summary>Stops the recording at heard device frame <paramref name="deviceFrame"/>; it finishes a round trip later. Audio thread; never allocates.</summary>
    public static void RequestStop(TrackRecording recording, long deviceFrame)
    {
        ArgumentNullException.ThrowIfNull(recording);
        recording.HeardStop = Math.Max(deviceFrame, recording.HeardStart);
    }

    /// <summary>
    /// Takes the input of device frames [<paramref name="deviceStart"/>, + <paramref name="frames"/>); null
    /// <paramref name="inputs"/> means that input was lost (silence is recorded). The history must already cover the
    /// frames heard. Audio thread; never allocates.
    /// </summary>
    public void Process(float[][]? inputs, long deviceStart, int frames, TimelineHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        for (var i = 0; i < _count; i++)
        {
            var r = _active[i]!;
            if (ProcessOne(r, inputs, deviceStart, frames, history)) continue;
            if (r.TakeOpen) EndTake(r);
            r.MarkFinished();
            _active[i] = _active[--_count];
            _active[_count] = null;
            i--;
        }
    }

    /// <summary>Returns false when the recording has reached its stop frame.</summary>
    private static bool ProcessOne(TrackRecording r, float[][]? inputs, long deviceStart, int frames, TimelineHistory history)
    {
        var roundTrip = r.Latency.RoundTripFrames;
        var offset = 0;
        while (offset < frames)
        {
            var heard = deviceStart + offset - roundTrip;
            if (heard >= r.HeardStop) return false;
            var n = history.Lookup(heard, frames - offset, out var rolling, out var timeline);
            if (heard < r.HeardStart)
            {
                n = (int)Math.Min(n, r.HeardStart - heard);
                rolling = false;
            }
            else
            {
                n = (int)Math.Min(n, r.HeardStop - heard);
            }
            if (rolling) Append(r, inputs, offset, n, timeline);
            else if (r.TakeOpen) EndTake(r);
            offset += n;
        }
        return deviceStart + frames - roundTrip < r.HeardStop;
    }

    private static void Append(TrackRecording r, float[][]? inputs, int offset, int frames, long timeline)
    {
        if (!r.TakeOpen || timeline != r.NextTimelineFrame)
        {
            if (r.TakeOpen) EndTake(r);
            Send(r, new CaptureEvent(CaptureEventKind.TakeStart, r.RingFrames, timeline, 0));
            r.TakeOpen = true;
        }
        var written = 0;
        if (inputs is not null)
        {
            var view = r.View;
            var channels = r.InputChannels;
            for (var c = 0; c < view.Length; c++)
                view[c] = channels[c] < inputs.Length ? inputs[channels[c]] : r.Zeros;
            written = r.Ring.WriteInterleaved(view, view.Length, offset, frames);
            r.RingFrames += written;
        }
        if (written < frames)
        {
            var missing = frames - written;
            Send(r, new CaptureEvent(CaptureEventKind.Silence, r.RingFrames, 0, missing));
            r.AddLost(missing);
        }
        r.NextTimelineFrame = timeline + frames;
        r.AddCaptured(frames);
    }

    private static void EndTake(TrackRecording r)
    {
        Send(r, new CaptureEvent(CaptureEventKind.TakeEnd, r.RingFrames, 0, 0));
        r.TakeOpen = false;
    }

    private static void Send(TrackRecording r, in CaptureEvent e)
    {
        // 4096 slots drained every few milliseconds; a full queue means the writer is dead, and the count says so.
        if (!r.Events.TryEnqueue(e)) r.EventOverflows++;
    }

    /// <summary>
    /// Ends every recording now (its open take closes at the last frame taken). Only once the device has stopped, from the
    /// thread that stopped it, which then is the only producer.
    /// </summary>
    public void FinishAll()
    {
        for (var i = 0; i < _count; i++)
        {
            var r = _active[i]!;
            if (r.TakeOpen) EndTake(r);
            r.MarkFinished();
            _active[i] = null;
        }
        _count = 0;
    }
}
