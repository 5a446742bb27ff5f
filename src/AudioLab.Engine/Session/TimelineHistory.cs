namespace AudioLab.Engine.Session;

/// <summary>
/// Which timeline frame the device played at each recent device frame (or that it played nothing: stopped, starting,
/// count-in). The recorder asks it where input belongs: input that arrives at device frame d was performed while the
/// performer heard device frame d - roundTrip, so it lands on the timeline frame played there. Seeks, loop wraps and
/// xruns therefore split takes at exactly the frames the performer heard them, not a round trip early.
/// Contiguous stretches are merged, so steady playback uses one entry. Audio thread only; never allocates.
/// </summary>
public sealed class TimelineHistory
{
    private readonly Entry[] _entries;
    private readonly int _mask;
    private long _count; // entries ever appended; the newest is at (_count - 1) & _mask

    private struct Entry
    {
        public long DeviceStart;
        public long Frames;
        public long TimelineStart;
        public bool Rolling;
    }

    /// <summary>Keeps at least <paramref name="capacity"/> stretches (rounded up to a power of two). Control thread.</summary>
    public TimelineHistory(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _entries = new Entry[size];
        _mask = size - 1;
    }

    /// <summary>
    /// Records that device frames [<paramref name="deviceStart"/>, + <paramref name="frames"/>) played timeline frames from
    /// <paramref name="timelineStart"/> (when <paramref name="rolling"/>) or nothing. Appends must be in device order.
    /// Audio thread; never allocates.
    /// </summary>
    public void Append(long deviceStart, long frames, long timelineStart, bool rolling)
    {
        if (frames <= 0) return;
        if (_count > 0)
        {
            ref var last = ref _entries[(_count - 1) & _mask];
            if (last.DeviceStart + last.Frames == deviceStart && last.Rolling == rolling
                && (!rolling || last.TimelineStart + last.Frames == timelineStart))
            {
                last.Frames += frames;
                return;
            }
        }
        _entries[_count & _mask] = new Entry { DeviceStart = deviceStart, Frames = frames, TimelineStart = timelineStart, Rolling = rolling };
        _count++;
    }

    /// <summary>
    /// Looks up device frame <paramref name="deviceFrame"/>: whether the timeline was rolling there, which timeline frame
    /// played, and for how many frames from there the answer stays the same (at most <paramref name="maxFrames"/>).
    /// Frames older than the history or newer than the last append count as not rolling. Audio thread; never allocates.
    /// </summary>
    public int Lookup(long deviceFrame, int maxFrames, out bool rolling, out long timelineFrame)
    {
        rolling = false;
        timelineFrame = 0;
        if (_count == 0) return maxFrames;
        var oldest = Math.Max(0, _count - _entries.Length);
        for (var i = _count - 1; i >= oldest; i--)
        {
            ref var e = ref _entries[i & _mask];
            if (deviceFrame >= e.DeviceStart + e.Frames)
            {
                // Past the newest entry (or in a gap after this one): unknown until the next entry.
                if (i == _count - 1) return maxFrames;
                var next = _entries[(i + 1) & _mask].DeviceStart;
                return (int)Math.Min(maxFrames, next - deviceFrame);
            }
            if (deviceFrame >= e.DeviceStart)
            {
                rolling = e.Rolling;
                if (rolling) timelineFrame = e.TimelineStart + (deviceFrame - e.DeviceStart);
                return (int)Math.Min(maxFrames, e.DeviceStart + e.Frames - deviceFrame);
            }
        }
        // Older than anything kept.
        var first = _entries[oldest & _mask].DeviceStart;
        return (int)Math.Clamp(first - deviceFrame, 1, maxFrames);
    }
}
