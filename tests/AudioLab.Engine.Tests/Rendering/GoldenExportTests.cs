using AudioLab.Core.Audio;
using AudioLab.Engine.Model;
using AudioLab.Engine.Rendering;

namespace AudioLab.Engine.Tests.Rendering;

public sealed class GoldenExportTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly Dictionary<string, float[][]> _sources = [];

    public void Dispose() => _dir.Dispose();

    private string Source(string name, int channels, int frames, int seed, double amplitude = 0.3)
    {
        var path = TestAudio.Write(_dir.File(name), TestAudio.Signal(channels, frames, seed, amplitude));
        _sources[path] = TestAudio.Read(path);
        return path;
    }

    private float[][] Export(ProjectModel project, ExportOptions options) =>
        TestAudio.Read(new ExportRenderer().Render(project, options, null, TestContext.Current.CancellationToken).Files[0].Path);

    private void AssertGolden(ProjectModel project, long frames, int blockFrames = 1000, int parallelism = 1)
    {
        var options = new ExportOptions { OutputPath = _dir.File($"mix-{Guid.NewGuid():N}.wav"), Dither = false, BlockFrames = blockFrames, MaxParallelism = parallelism };
        var actual = Export(project, options);
        var expected = GoldenMix.Compute(project, 0, frames, p => _sources[p]);
        Assert.True(GoldenMix.MaxErrorLsb(actual, expected, 24) <= 1.0, $"error {GoldenMix.MaxErrorLsb(actual, expected, 24)} LSB");
        Assert.Contains(actual[0], v => v != 0);
    }

    [Fact]
    public void Volume_and_pan_law_match_the_golden_mix()
    {
        var a = Source("a.wav", 2, 20000, 1);
        var b = Source("b.wav", 1, 20000, 2);
        var c = Source("c.wav", 2, 20000, 3);
        var project = TestAudio.Project(
        [
            TestAudio.Track(0, [TestAudio.Clip(a, 0, 20000)], volumeDb: -6, pan: -0.5),
            TestAudio.Track(1, [TestAudio.Clip(b, 0, 20000, channels: 1)], volumeDb: 3, pan: 1),
            TestAudio.Track(2, [TestAudio.Clip(c, 0, 20000)], volumeDb: -2.5, pan: 0.3),
        ]);
        AssertGolden(project, 20000);
    }

    [Fact]
    public void Mute_and_solo_follow_daw_semantics()
    {
        var a = Source("a.wav", 2, 10000, 4);
        var b = Source("b.wav", 2, 10000, 5);
        var c = Source("c.wav", 2, 10000, 6);
        // Solo on b and c; c is also muted, so only b sounds. a is not soloed, so it is silent.
        var project = TestAudio.Project(
        [
            TestAudio.Track(0, [TestAudio.Clip(a, 0, 10000)]),
            TestAudio.Track(1, [TestAudio.Clip(b, 0, 10000)], solo: true),
            TestAudio.Track(2, [TestAudio.Clip(c, 0, 10000)], solo: true, mute: true),
        ]);
        AssertGolden(project, 10000);
        var onlyB = GoldenMix.Compute(project with { Tracks = [project.Tracks[1]] }, 0, 10000, p => _sources[p]);
        var actual = Export(project, new ExportOptions { OutputPath = _dir.File("solo.wav"), Dither = false });
        Assert.True(GoldenMix.MaxErrorLsb(actual, onlyB, 24) <= 1.0);

        var muted = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(a, 0, 10000)]), TestAudio.Track(1, [TestAudio.Clip(b, 0, 10000)], mute: true)]);
        AssertGolden(muted, 10000);
    }

    [Fact]
    public void Clip_offset_trim_gain_and_fades_match_the_golden_mix()
    {
        var a = Source("a.wav", 2, 30000, 7);
        var b = Source("b.wav", 1, 30000, 8);
        var project = TestAudio.Project(
        [
            TestAudio.Track(0,
            [
                TestAudio.Clip(a, start: 0, length: 9001, offset: 1234, gainDb: -3, fadeIn: 2000, fadeOut: 3001),
                TestAudio.Clip(a, start: 12000, length: 5000, offset: 20000, gainDb: 4, fadeIn: 4000, fadeOut: 4000), // fades overlap
            ]),
            // Clip longer than what is left of its file: the rest is silence.
            TestAudio.Track(1, [TestAudio.Clip(b, start: 2500, length: 15000, offset: 25000, fadeOut: 777, channels: 1)], pan: -0.2),
        ]);
        AssertGolden(project, 17500, blockFrames: 512); // ends with the last clip
    }

    [Fact]
    public void Clips_start_sample_accurately_at_odd_frames()
    {
        var a = Source("a.wav", 2, 5000, 9);
        var project = TestAudio.Project(
        [
            TestAudio.Track(0, [TestAudio.Clip(a, 1, 3001), TestAudio.Clip(a, 4097, 999, offset: 3), TestAudio.Clip(a, 7777, 1)]),
            TestAudio.Track(1, [TestAudio.Clip(a, 12345, 2049, offset: 17, fadeIn: 33)], volumeDb: -1),
        ]);
        foreach (var block in new[] { 64, 1000, 4096 })
            AssertGolden(project, 14394, block);
        // A single impulse lands on exactly the right frame.
        var impulse = new float[2][] { new float[10], new float[10] };
        impulse[0][0] = impulse[1][0] = 0.5f;
        var ip = TestAudio.Write(_dir.File("impulse.wav"), impulse);
        var single = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(ip, 4095, 10)], pan: -1)]);
        var output = Export(single, new ExportOptions { OutputPath = _dir.File("imp.wav"), Dither = false, BlockFrames = 128 });
        Assert.Equal(4105, output[0].Length);
        Assert.Equal(4095, Array.FindIndex(output[0], v => v != 0));
        Assert.Equal(0.5f, output[0][4095], 6);
    }

    [Fact]
    public void Parallel_and_sequential_rendering_give_identical_files()
    {
        var a = Source("a.wav", 2, 20000, 10);
        var tracks = Enumerable.Range(0, 6).Select(i => TestAudio.Track(i, [TestAudio.Clip(a, i * 101, 15000, offset: i * 7)], pan: i / 6.0 - 0.5,
            effects: [TestAudio.Effect("eq", ("peak1_gain_db", 3)), TestAudio.Effect("compressor", ("threshold_db", -20))])).ToList();
        var project = TestAudio.Project(tracks, [TestAudio.Effect("limiter", ("ceiling_db", -3))]);
        var r = new ExportRenderer();
        var one = r.Render(project, new ExportOptions { OutputPath = _dir.File("seq.wav"), MaxParallelism = 1 }, null, TestContext.Current.CancellationToken);
        var two = r.Render(project, new ExportOptions { OutputPath = _dir.File("par.wav"), MaxParallelism = 4 }, null, TestContext.Current.CancellationToken);
        Assert.Equal(File.ReadAllBytes(one.Files[0].Path), File.ReadAllBytes(two.Files[0].Path));
    }

    [Fact]
    public void Range_export_is_the_same_samples_as_the_whole_export_cut()
    {
        var a = Source("a.wav", 2, 20000, 11);
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(a, 300, 19000, fadeIn: 500)], pan: 0.4)]);
        var part = Export(project, new ExportOptions { OutputPath = _dir.File("part.wav"), Dither = false, StartFrame = 1001, EndFrame = 9000 });
        var expected = GoldenMix.Compute(project, 1001, 7999, p => _sources[p]);
        Assert.True(GoldenMix.MaxErrorLsb(part, expected, 24) <= 1.0);
    }

    [Fact]
    public void Dithered_24_bit_stays_within_two_lsb_of_the_golden_mix()
    {
        var a = Source("a.wav", 2, 10000, 12);
        var project = TestAudio.Project([TestAudio.Track(0, [TestAudio.Clip(a, 0, 10000)], volumeDb: -1)]);
        var actual = Export(project, new ExportOptions { OutputPath = _dir.File("d.wav") });
        var expected = GoldenMix.Compute(project, 0, 10000, p => _sources[p]);
        var err = GoldenMix.MaxErrorLsb(actual, expected, 24);
        Assert.InRange(err, 0.5, 2.0); // TPDF adds up to ±1 LSB before rounding: visibly present, never more.
    }

    [Fact]
    public void Stems_are_the_post_fader_tracks_and_sum_to_the_mix()
    {
        var a = Source("a.wav", 2, 8000, 13);
        var b = Source("b.wav", 1, 8000, 14);
        var project = TestAudio.Project(
        [
            TestAudio.Track(0, [TestAudio.Clip(a, 0, 8000)], volumeDb: -3, pan: 0.5),
            TestAudio.Track(1, [TestAudio.Clip(b, 100, 7000, channels: 1)], volumeDb: 2),
            TestAudio.Track(2, [TestAudio.Clip(a, 0, 8000)], mute: true),
        ]);
        var result = new ExportRenderer().Render(project, new ExportOptions { OutputPath = _dir.File("song.wav"), Stems = true, Dither = false }, null, TestContext.Current.CancellationToken);
        Assert.Equal(3, result.Files.Count); // mix + two audible tracks
        Assert.EndsWith("song.stem-01-Track 0.wav", result.Files[1].Path, StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            var stem = TestAudio.Read(result.Files[i + 1].Path);
            var expected = GoldenMix.Compute(project, 0, 8000, p => _sources[p], onlyTrack: project.Tracks[i].Id);
            Assert.True(GoldenMix.MaxErrorLsb(stem, expected, 24) <= 1.0);
            Assert.Equal(project.Tracks[i].Id, result.Files[i + 1].TrackId);
        }
    }
}
