using AudioLab.Engine.Effects;
using AudioLab.Engine.Graph;
using AudioLab.Engine.Model;
using AudioLab.Engine.Streaming;

namespace AudioLab.Engine.Tests.Graph;

/// <summary>The audio thread's contract: after warm-up, processing allocates nothing, for every node type.</summary>
public sealed class AllocationTests : IDisposable
{
    private const int Blocks = 5000;
    private const int Frames = 128;
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Bytes allocated on this thread by <paramref name="process"/> alone over <see cref="Blocks"/> blocks (fill runs outside the measurement).</summary>
    private static long Measure(Action<long> process, Action? fill = null)
    {
        for (var b = 0; b < 200; b++)
        {
            fill?.Invoke();
            process(b * (long)Frames);
        }
        long total = 0;
        for (var b = 200; b < 200 + Blocks; b++)
        {
            fill?.Invoke();
            var before = GC.GetAllocatedBytesForCurrentThread();
            process(b * (long)Frames);
            total += GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return total;
    }

    public static TheoryData<string> EffectTypes() => new(EffectRegistry.Default.Descriptors.Select(d => d.Type));

    [Theory]
    [MemberData(nameof(EffectTypes))]
    public void Every_effect_processes_without_allocating(string type)
    {
        // Non-default settings so every band / branch is active.
        var p = type switch
        {
            "eq" => new Dictionary<string, double> { ["low_cut_hz"] = 40, ["low_shelf_gain_db"] = 3, ["peak1_gain_db"] = 2, ["peak2_gain_db"] = -2, ["peak3_gain_db"] = 1, ["high_shelf_gain_db"] = -3, ["high_cut_hz"] = 15000 },
            "compressor" => new Dictionary<string, double> { ["threshold_db"] = -40, ["makeup_db"] = 3 },
            _ => new Dictionary<string, double>(),
        };
        var effect = EffectRegistry.Default.Create(new EffectModel(type, p), new EffectContext(48000, 120));
        effect.Prepare(48000, Frames);
        var l = new float[Frames];
        var r = new float[Frames];
        var rng = new Random(1);
        Assert.Equal(0, Measure(_ =>
        {
            l[0] = (float)rng.NextDouble();
            r[5] = 0.9f;
            effect.Process(l, r);
        }));
    }

    [Fact]
    public void Clip_reader_track_strip_master_and_graph_process_without_allocating()
    {
        var src = TestAudio.Write(_dir.File("a.wav"), TestAudio.Signal(2, 48000 * 20, 1));
        var project = TestAudio.Project(
        [
            TestAudio.Track(0, [TestAudio.Clip(src, 3, 48000 * 18, fadeIn: 4000, fadeOut: 40000)], volumeDb: -3, pan: 0.3),
            TestAudio.Track(1, [TestAudio.Clip(src, 1001, 48000 * 10, offset: 7)], mute: true),
        ], [TestAudio.Effect("limiter")]);
        using var graph = new GraphBuilder().Build(project, new GraphBuildOptions { MaxBlockFrames = Frames, StreamBufferFrames = 8192 });
        var disk = new DiskReader(graph.Streams);
        var l = new float[Frames];
        var r = new float[Frames];

        var clip = graph.Tracks[0].Clips[0];
        Assert.Equal(0, Measure(t => clip.Process(t, Frames, l, r), () => disk.FillAll()));
        graph.Locate(0);
        Assert.Equal(0, Measure(t => graph.Tracks[0].Process(t, Frames, l, r), () => disk.FillAll()));
        graph.Locate(0);
        Assert.Equal(0, Measure(t => graph.Process(t, Frames, l, r), () => disk.FillAll()));
        graph.Locate(0);
        Assert.Equal(0, Measure(t => { graph.RenderTracks(t, Frames); graph.Master.MixAndProcess(graph.Tracks, Frames, l, r); }, () => disk.FillAll()));
        Assert.Equal(0, Measure(t => graph.Locate(t)));
    }

    [Fact]
    public void A_32_track_graph_with_three_effects_each_processes_without_allocating()
    {
        var src = TestAudio.Write(_dir.File("b.wav"), TestAudio.Signal(2, 48000 * 15, 2));
        var tracks = Enumerable.Range(0, 32).Select(i => TestAudio.Track(i, [TestAudio.Clip(src, i * 11, 48000 * 14)], pan: i / 16.0 - 1,
            effects:
            [
                TestAudio.Effect("eq", ("low_cut_hz", 60), ("peak2_gain_db", 3)),
                TestAudio.Effect("compressor", ("threshold_db", -24)),
                i % 2 == 0 ? TestAudio.Effect("delay", ("note", 0.125)) : TestAudio.Effect("reverb"),
            ])).ToList();
        using var graph = new GraphBuilder().Build(TestAudio.Project(tracks, [TestAudio.Effect("limiter")]), new GraphBuildOptions { MaxBlockFrames = Frames, StreamBufferFrames = 8192 });
        var disk = new DiskReader(graph.Streams);
        var l = new float[Frames];
        var r = new float[Frames];
        Assert.Equal(0, Measure(t => graph.Process(t, Frames, l, r), () => disk.FillAll()));
        Assert.Equal(0, graph.UnderrunFrames);
    }
}
