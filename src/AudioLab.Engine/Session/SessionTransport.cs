using System.Diagnostics;
using AudioLab.Engine.Graph;
using AudioLab.Engine.Transport;

namespace AudioLab.Engine.Session;

/// <summary>
/// The session's transport on the audio thread (like Ardour's session_transport): play from a frame, stop in place,
/// seek, loop, and the segments of each block. A play or seek first locates every clip ring at the new position and
/// stays <see cref="TransportState.Starting"/> (silent, timeline held) until the disk butler has filled them, or until
/// <see cref="StartTimeout"/> passes, so playback never starts with underruns. Every method: audio thread; never allocates.
/// </summary>
public sealed class SessionTransport
{
    private readonly TransportSegment[] _segments = new TransportSegment[BlockSegmenter.RecommendedCapacity];
    private TransportCursor _cursor;
    private LoopRegionState _loop;
    private PunchRegion _punch;
    private long _waitStarted;

    /// <summary>Control thread (construction).</summary>
    public SessionTransport(TimeSpan startTimeout)
    {
        StartTimeout = startTimeout;
    }

    public TimeSpan StartTimeout { get; }

    public TransportState State { get; private set; }

    public long Playhead => _cursor.Playhead;

    public int LoopCount => _loop.Wraps;

    /// <summary>Device frame where rolling last began (-1 before the first roll).</summary>
    public long RollStartDeviceFrame { get; private set; } = -1;

    public void Play(long frame, PlaybackGraph? graph)
    {
        _cursor = TransportCursor.At(Math.Max(0, frame));
        _loop.ResetPasses();
        _punch.ResetRecording();
        Locate(graph, _cursor.Playhead);
        State = TransportState.Starting;
        _waitStarted = Stopwatch.GetTimestamp();
    }

    public void Stop() => State = TransportState.Stopped;

    /// <summary>Moves the playhead; a moving transport re-locates and starts again from there, a stopped one just prefetches.</summary>
    public void Seek(long frame, PlaybackGraph? graph)
    {
        if (State == TransportState.Stopped)
        {
            _cursor = TransportCursor.At(Math.Max(0, frame));
            _loop.ResetPasses();
            _punch.ResetRecording();
            Locate(graph, _cursor.Playhead);
            return;
        }
        Play(frame, graph);
    }

    public void SetLoop(long start, long end, bool enabled, int? repeatCount) =>
        _loop.Set(start, end, enabled, repeatCount, _cursor.Playhead);

    /// <summary>Moves from Starting to Rolling once the clip rings are filled (or the wait timed out). Returns the state.</summary>
    public TransportState Update(PlaybackGraph? graph, long deviceFrame)
    {
        if (State != TransportState.Starting) return State;
        var timedOut = Stopwatch.GetElapsedTime(_waitStarted) >= StartTimeout;
        if (timedOut || StreamsReady(graph, _cursor.Playhead))
        {
            State = TransportState.Rolling;
            RollStartDeviceFrame = deviceFrame;
        }
        return State;
    }

    /// <summary>Segments for the next <paramref name="frames"/> frames from <paramref name="blockOffset"/>; call again with the rest if short.</summary>
    public ReadOnlySpan<TransportSegment> Split(int blockOffset, int frames, out int covered)
    {
        var result = BlockSegmenter.Split(ref _cursor, ref _loop, ref _punch, blockOffset, frames, _segments);
        covered = result.FramesCovered;
        return _segments.AsSpan(0, result.SegmentCount);
    }

    /// <summary>
    /// Points every clip ring of <paramref name="graph"/> at <paramref name="timelineFrame"/> so the butler refills from
    /// there. (Indexes rather than enumerates the graph's lists: an interface enumerator would allocate.)
    /// </summary>
    public static void Locate(PlaybackGraph? graph, long timelineFrame)
    {
        if (graph is null) return;
        var tracks = graph.Tracks;
        for (var t = 0; t < tracks.Count; t++)
        {
            var clips = tracks[t].Clips;
            for (var c = 0; c < clips.Count; c++)
            {
                var clip = clips[c];
                clip.Stream.Locate(Math.Clamp(timelineFrame - clip.StartFrame, 0, clip.Clip.LengthFrames));
            }
        }
    }

    /// <summary>True when every clip ring holds at least a quarter ring (or the rest of its clip) from the playhead on.</summary>
    private static bool StreamsReady(PlaybackGraph? graph, long timelineFrame)
    {
        if (graph is null) return true;
        var tracks = graph.Tracks;
        for (var t = 0; t < tracks.Count; t++)
        {
            var clips = tracks[t].Clips;
            for (var c = 0; c < clips.Count; c++)
            {
                var clip = clips[c];
                var local = Math.Clamp(timelineFrame - clip.StartFrame, 0, clip.Clip.LengthFrames);
                var need = Math.Min(clip.Stream.Capacity / 4, clip.Clip.LengthFrames - local);
                if (clip.Stream.BufferedFrames < need) return false;
            }
        }
        return true;
    }
}
