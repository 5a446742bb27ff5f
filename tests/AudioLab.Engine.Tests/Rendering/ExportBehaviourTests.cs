using AudioLab.Core.Audio;
using AudioLab.Engine.Effects;
using AudioLab.Engine.Graph;
using AudioLab.Engine.Rendering;

namespace AudioLab.Engine.Tests.Rendering;

public sealed class ExportBehaviourTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Source(string name, int frames, int seed, double amplitude = 0.3) =>
        TestAudio.Write(_dir.File(name), TestAudio.Signal(2, frames, seed, amplitude));

    [Theory]
    [InlineData(SampleFormat.Pcm16)]
    [InlineData(SampleFormat.Pcm24)]
    [InlineData(SampleFormat.Float32)]
    public void Exporting_twice_gives_byte_identical_files(SampleFormat format)
    {
        var a = Source("a.wav", 30000, 1);
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(a, 17, 29000, fadeIn: 100)], pan: 0.2,
            effects: [TestAudio.Effect("reverb"), TestAudio.Effect("delay", ("time_ms", 50))])]);
        var r = new ExportRenderer();
        var x = r.Render(project, new ExportOptions { OutputPath = _dir.File("x.wav"), Format = format }, null, TestContext.Current.CancellationToken);
        var y = r.Render(project, new ExportOptions { OutputPath = _dir.File("y.wav"), Format = format }, null, TestContext.Current.CancellationToken);
        Assert.Equal(File.ReadAllBytes(x.Files[0].Path), File.ReadAllBytes(y.Files[0].Path));
        if (format != SampleFormat.Float32)
        {
            var z = r.Render(project, new ExportOptions { OutputPath = _dir.File("z.wav"), Format = format, DitherSeed = 12345 }, null, TestContext.Current.CancellationToken);
            Assert.NotEqual(File.ReadAllBytes(x.Files[0].Path), File.ReadAllBytes(z.Files[0].Path));
        }
    }

    [Fact]
    public void No_tracks_exports_silence_of_the_requested_length()
    {
        var result = new ExportRenderer().Render(TestAudio.Project([]), new ExportOptions { OutputPath = _dir.File("empty.wav"), EndFrame = 48000 }, null, TestContext.Current.CancellationToken);
        var audio = TestAudio.Read(result.Files[0].Path);
        Assert.Equal(48000, audio[0].Length);
        Assert.All(audio[0], v => Assert.Equal(0f, v));
        Assert.Null(result.PeakDbfs);
        Assert.Equal(48000, result.FramesWritten);

        var whole = new ExportRenderer().Render(TestAudio.Project([]), new ExportOptions { OutputPath = _dir.File("empty2.wav") }, null, TestContext.Current.CancellationToken);
        Assert.Equal(0, whole.FramesWritten);
        Assert.Equal(0, WavReader.Probe(whole.Files[0].Path).AvailableFrames);
    }

    [Fact]
    public void All_muted_exports_silence_as_long_as_the_project()
    {
        var a = Source("a.wav", 10000, 2);
        var project = TestAudio.Project(
        [
            TestAudio.Track(0, [TestAudio.Clip(a, 500, 9000)], mute: true),
            TestAudio.Track(1, [TestAudio.Clip(a, 0, 4000)], mute: true),
        ]);
        var result = new ExportRenderer().Render(project, new ExportOptions { OutputPath = _dir.File("muted.wav") }, null, TestContext.Current.CancellationToken);
        var audio = TestAudio.Read(result.Files[0].Path);
        Assert.Equal(9500, audio[0].Length);
        Assert.All(audio[0].Concat(audio[1]), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Unwritable_folder_fails_clearly_and_leaves_nothing()
    {
        var a = Source("a.wav", 1000, 3);
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(a, 0, 1000)])]);
        // /sys refuses new files even to root, unlike a chmod-ed folder.
        var e = Assert.Throws<ExportException>(() => new ExportRenderer().Render(project, new ExportOptions { OutputPath = "/sys/audiolab-mix.wav" }, null, TestContext.Current.CancellationToken));
        Assert.Contains("Cannot write the export to the folder '/sys'", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists("/sys/audiolab-mix.wav"));

        // A "folder" that is really a file.
        var notDir = _dir.File("plain.txt");
        File.WriteAllText(notDir, "x");
        var e2 = Assert.Throws<ExportException>(() => new ExportRenderer().Render(project, new ExportOptions { OutputPath = Path.Combine(notDir, "mix.wav") }, null, TestContext.Current.CancellationToken));
        Assert.Contains("Cannot write the export", e2.Message, StringComparison.Ordinal);
        Assert.Equal(["a.wav", "plain.txt"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cancelled_export_leaves_no_file_and_keeps_an_existing_target()
    {
        var a = Source("a.wav", 48000, 4);
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(a, 0, 48000)])]);
        var target = _dir.File("keep.wav");
        File.WriteAllText(target, "old");
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p > 0.3) cts.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new ExportRenderer().Render(project, new ExportOptions { OutputPath = target, BlockFrames = 1024 }, progress, cts.Token));
        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["a.wav", "keep.wav"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Progress_rises_to_one()
    {
        var a = Source("a.wav", 48000, 5);
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(a, 0, 48000)])]);
        var seen = new List<double>();
        new ExportRenderer().Render(project, new ExportOptions { OutputPath = _dir.File("p.wav"), BlockFrames = 1024 }, new SynchronousProgress(seen.Add), TestContext.Current.CancellationToken);
        Assert.True(seen.Count > 10);
        Assert.Equal(seen.Order().ToList(), seen);
        Assert.Equal(1.0, seen[^1]);
    }

    [Fact]
    public void Clipping_is_reported_with_peak_and_count()
    {
        var loud = new float[2][] { new float[1000], new float[1000] };
        for (var i = 0; i < 1000; i++) loud[0][i] = loud[1][i] = i % 10 == 0 ? 0.9f : 0.1f;
        var a = TestAudio.Write(_dir.File("loud.wav"), loud);
        // +6 dB makes the 0.9 samples 1.8 (clipped), the 0.1 samples 0.2 (fine): 100 frames × 2 channels clip.
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(a, 0, 1000, gainDb: 6.0206)], volumeDb: 3.0103)]);
        var result = new ExportRenderer().Render(project, new ExportOptions { OutputPath = _dir.File("clip.wav") }, null, TestContext.Current.CancellationToken);
        Assert.Equal(200, result.ClippedSamples);
        Assert.Equal(20 * Math.Log10(1.8), result.PeakDbfs!.Value, 2);
    }

    [Fact]
    public void Normalize_puts_the_peak_on_the_target()
    {
        var a = Source("a.wav", 20000, 6, amplitude: 0.1);
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(a, 0, 20000)]), TestAudio.Track(1, [TestAudio.Clip(a, 10, 9000)], pan: 1)]);
        var result = new ExportRenderer().Render(project, new ExportOptions { OutputPath = _dir.File("n.wav"), Normalize = true, NormalizePeakDb = -1, Stems = true }, null, TestContext.Current.CancellationToken);
        Assert.Equal(-1.0, result.PeakDbfs!.Value, 3);
        Assert.True(result.NormalizeGainDb > 10);
        var audio = TestAudio.Read(result.Files[0].Path);
        var peak = audio.SelectMany(c => c).Max(Math.Abs);
        Assert.Equal(Math.Pow(10, -1 / 20.0), peak, 4);
        Assert.Equal(3, result.Files.Count);
        Assert.Equal(["a.wav", "n.stem-01-Track 0.wav", "n.stem-02-Track 1.wav", "n.wav"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Other_sample_rates_and_bad_ranges_are_rejected_with_the_field()
    {
        var project = TestAudio.Project([]);
        var e = Assert.Throws<ExportException>(() => new ExportRenderer().Render(project, new ExportOptions { OutputPath = _dir.File("r.wav"), SampleRate = 44100 }, null, TestContext.Current.CancellationToken));
        Assert.Equal("sample_rate", e.Field);
        Assert.Contains("44100 Hz is not supported", e.Message, StringComparison.Ordinal);
        Assert.Empty(ExportRenderer.Validate(project, new ExportOptions { OutputPath = "x.wav", SampleRate = 48000 }));
        Assert.Equal("range.end", ExportRenderer.Validate(project, new ExportOptions { OutputPath = "x.wav", StartFrame = 10, EndFrame = 5 }).Single().Field);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Missing_audio_file_and_bad_effects_fail_before_writing()
    {
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(_dir.File("nope.wav"), 0, 100)])]);
        var e = Assert.Throws<GraphBuildException>(() => new ExportRenderer().Render(project, new ExportOptions { OutputPath = _dir.File("m.wav") }, null, TestContext.Current.CancellationToken));
        Assert.Contains("nope.wav", e.Message, StringComparison.Ordinal);
        var bad = TestAudio.Project([TestAudio.Track(0, [], effects: [TestAudio.Effect("compressor", ("ratio", 0.5))])], [TestAudio.Effect("fuzz")]);
        var v = Assert.Throws<EffectValidationException>(() => new ExportRenderer().Render(bad, new ExportOptions { OutputPath = _dir.File("m.wav") }, null, TestContext.Current.CancellationToken));
        Assert.Equal(["tracks[0].effects[0].parameters.ratio", "master_effects[0].type"], v.Errors.Select(x => x.Path));
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Master_limiter_latency_is_compensated()
    {
        var impulse = new float[2][] { new float[100], new float[100] };
        impulse[0][50] = impulse[1][50] = 0.25f;
        var ip = TestAudio.Write(_dir.File("imp.wav"), impulse);
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(ip, 1000, 100)])], [TestAudio.Effect("limiter", ("lookahead_ms", 5))]);
        var result = new ExportRenderer().Render(project, new ExportOptions { OutputPath = _dir.File("l.wav"), Dither = false }, null, TestContext.Current.CancellationToken);
        var audio = TestAudio.Read(result.Files[0].Path);
        Assert.Equal(1100, audio[0].Length);
        Assert.Equal(1050, Array.FindIndex(audio[0], v => v != 0));
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
