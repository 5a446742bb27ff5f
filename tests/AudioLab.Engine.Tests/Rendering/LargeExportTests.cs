using AudioLab.Engine.Rendering;

namespace AudioLab.Engine.Tests.Rendering;

public sealed class LargeExportTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Thirty_two_tracks_of_sixty_seconds_export_with_bounded_memory()
    {
        const int seconds = 60;
        const int frames = seconds * TestAudio.Rate;
        // Two real 60 s files shared by 32 clips: each clip still gets its own stream and file handle.
        var files = new[] { TestAudio.Write(_dir.File("a.wav"), TestAudio.Signal(2, frames, 1, 0.05)), TestAudio.Write(_dir.File("b.wav"), TestAudio.Signal(1, frames, 2, 0.05)) };
        var tracks = Enumerable.Range(0, 32).Select(i => TestAudio.Track(i, [TestAudio.Clip(files[i % 2], i * 3, frames - i * 3, channels: 2 - i % 2)],
            pan: (i % 5 - 2) / 2.0, volumeDb: -6,
            effects: [TestAudio.Effect("eq", ("peak1_gain_db", 2)), TestAudio.Effect("compressor")])).ToList();
        var project = TestAudio.Project(tracks, [TestAudio.Effect("limiter")]);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = new ExportRenderer().Render(project, new ExportOptions { OutputPath = _dir.File("big.wav") }, null, TestContext.Current.CancellationToken);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(frames, result.FramesWritten);
        Assert.Equal(0, result.UnderrunFrames);
        Assert.NotNull(result.PeakDbfs);
        Assert.Equal(0, result.ClippedSamples);
        // Loading the sources would take 32 × 60 s × 2 ch × 4 B = 737 MB; the rings take 32 × 32768 × 8 B = 8 MB.
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated / 1048576} MB during the export");
    }
}
