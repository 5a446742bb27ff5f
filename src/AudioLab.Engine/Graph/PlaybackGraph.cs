using AudioLab.Engine.Streaming;

namespace AudioLab.Engine.Graph;

/// <summary>
/// The immutable, prepared mixing graph of one version of a project: track strips (clips → effects → volume/pan) →
/// master bus → output. Built by <see cref="GraphBuilder"/> on a control thread; the same graph serves live playback
/// and offline export, so both produce identical samples.
/// <para>
/// <b>Processing API.</b> <see cref="Process"/> takes the timeline frame of the block's first frame and a frame count, and
/// adds planar stereo into the given spans. Blocks need not be contiguous: the transport splits a device period at a
/// loop end or a punch point and calls <see cref="Process"/> once per piece, with the new timeline frame.
/// </para>
/// <para>
/// <b>Swapping a graph in real time.</b> After an edit the control thread builds a new graph with
/// <c>GraphBuilder.Build(model, options, previous: current)</c>. The new graph adopts the previous one's running state
/// by reference (effect tails, filter memories, envelopes, the last applied track gains, and the disk rings of clips whose
/// file region did not change), then is published with one reference swap that the audio thread picks up at the top of
/// its next period. Because only the audio thread ever processes a graph, and it processes exactly one per period, the
/// shared state moves across with no copy and no lock: the delay keeps echoing, and a changed volume glides from the old
/// gain over one block. A moved clip gets a new ring that the butler fills; until it is filled, that clip underruns to
/// silence (counted). The retired graph must then be disposed off the audio thread — by the butler, after
/// <see cref="DiskReader.Attach"/> of the new streams — which closes only the streams the new graph did not adopt.
/// </para>
/// </summary>
public sealed class PlaybackGraph : IDisposable
{
    private readonly TrackStrip[] _tracks;
    private readonly HashSet<ClipStream> _adoptedStreams = [];

    internal PlaybackGraph(int sampleRate, int maxBlockFrames, TrackStrip[] tracks, MasterBus master, IReadOnlyList<ClipStream> streams)
    {
        SampleRate = sampleRate;
        MaxBlockFrames = maxBlockFrames;
        _tracks = tracks;
        Master = master;
        Streams = streams;
        EndFrame = tracks.SelectMany(t => t.Clips).Select(c => c.EndFrame).DefaultIfEmpty(0).Max();
        LatencyFrames = master.LatencyFrames;
    }

    public int SampleRate { get; }

    /// <summary>Largest frame count <see cref="Process"/> accepts.</summary>
    public int MaxBlockFrames { get; }

    /// <summary>Strips in track order (inaudible ones are absent when built with <c>SkipInaudibleTracks</c>).</summary>
    public IReadOnlyList<TrackStrip> Tracks => _tracks;

    public MasterBus Master { get; }

    /// <summary>Every clip's disk ring, for the <see cref="DiskReader"/>.</summary>
    public IReadOnlyList<ClipStream> Streams { get; }

    /// <summary>End of the last clip: the length of a whole-project export.</summary>
    public long EndFrame { get; }

    /// <summary>Delay of the output against the timeline (master chain lookahead). Export compensates it.</summary>
    public int LatencyFrames { get; }

    /// <summary>Underrun frames over all streams (disk too slow or a fresh seek).</summary>
    public long UnderrunFrames => Streams.Sum(s => s.UnderrunFrames);

    internal void MarkAdopted(ClipStream stream) => _adoptedStreams.Add(stream);

    /// <summary>
    /// Renders timeline frames [<paramref name="timelineFrame"/>, + <paramref name="frames"/>) and adds them into
    /// <paramref name="left"/>/<paramref name="right"/> (index 0 = <paramref name="timelineFrame"/>).
    /// <paramref name="frames"/> ≤ <see cref="MaxBlockFrames"/>. Audio thread; never allocates, locks or does I/O.
    /// </summary>
    public void Process(long timelineFrame, int frames, Span<float> left, Span<float> right)
    {
        RenderTracks(timelineFrame, frames);
        MixTracks(frames, left, right);
    }

    /// <summary>First half of <see cref="Process"/>: every strip renders into its own buffers. Audio thread; never allocates.</summary>
    public void RenderTracks(long timelineFrame, int frames)
    {
        if ((uint)frames > (uint)MaxBlockFrames) throw new ArgumentOutOfRangeException(nameof(frames));
        foreach (var t in _tracks) t.Render(timelineFrame, frames);
    }

    /// <summary>Second half of <see cref="Process"/>: sums the rendered strips through the master bus. Audio thread; never allocates.</summary>
    public void MixTracks(int frames, Span<float> left, Span<float> right) => Master.MixAndProcess(_tracks, frames, left, right);

    /// <summary>Tells every stream where the playhead will be (after a seek) so the butler refills from there. Audio thread; never allocates.</summary>
    public void Locate(long timelineFrame)
    {
        foreach (var t in _tracks)
        {
            var clips = t.Clips; // indexed, not foreach: an interface enumerator would allocate
            for (var i = 0; i < clips.Count; i++)
                clips[i].Stream.Locate(Math.Clamp(timelineFrame - clips[i].StartFrame, 0, clips[i].Clip.LengthFrames));
        }
    }

    /// <summary>Clears effect tails and gain glides, for a fresh offline render. Not while the audio thread runs this graph.</summary>
    public void Reset()
    {
        foreach (var t in _tracks) t.Reset();
        Master.Reset();
    }

    /// <summary>Closes the streams that no newer graph adopted. Off the audio thread, after the producer stopped serving them.</summary>
    public void Dispose()
    {
        foreach (var s in Streams)
            if (!_adoptedStreams.Contains(s)) s.Dispose();
    }
}
