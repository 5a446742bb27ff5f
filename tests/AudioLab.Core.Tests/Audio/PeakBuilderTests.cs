using AudioLab.Core.Audio;

namespace AudioLab.Core.Tests.Audio;

public sealed class PeakBuilderTests
{
    [Fact]
    public void Each_run_keeps_its_min_and_max_per_channel()
    {
        var builder = new PeakBuilder(channels: 2, totalFrames: 5, framesPerPeak: 2);
        // Frames (L, R): (0.1,-0.1) (0.5,-0.5) | (-0.3,0.2) (0.0,0.9) | (0.7,-0.7)
        builder.Add([0.1f, -0.1f, 0.5f, -0.5f, -0.3f, 0.2f]);
        builder.Add([0.0f, 0.9f, 0.7f, -0.7f, 1f, 1f]); // the last frame is past the total and is ignored

        Assert.Equal(3, builder.PeakCount);
        Assert.Equal([0.1f, 0.5f, -0.3f, 0.0f, 0.7f, 0.7f], builder.Peaks[0]);
        Assert.Equal([-0.5f, -0.1f, 0.2f, 0.9f, -0.7f, -0.7f], builder.Peaks[1]);
    }

    [Fact]
    public void Feeding_in_any_chunk_size_gives_the_same_peaks()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i * 0.37)).ToArray();
        var whole = new PeakBuilder(1, 1000, 64);
        whole.Add(data);
        var pieces = new PeakBuilder(1, 1000, 64);
        for (var i = 0; i < 1000; i += 7) pieces.Add(data.AsSpan(i, Math.Min(7, 1000 - i)));
        Assert.Equal(whole.Peaks[0], pieces.Peaks[0]);
    }

    [Fact]
    public void Too_many_peaks_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeakBuilder(1, 10_000_000, 1, maxPeaks: 1000));
    }
}
