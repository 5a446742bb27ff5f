using AudioLab.Engine.Streaming;

namespace AudioLab.Engine.Tests.Streaming;

public sealed class ClipStreamTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private (string Path, float[][] Audio) Source(int channels, int frames)
    {
        var path = TestAudio.Write(_dir.File($"s{channels}-{frames}.wav"), TestAudio.Signal(channels, frames, frames + channels));
        return (path, TestAudio.Read(path));
    }

    [Fact]
    public void Ring_memory_is_bounded_by_its_capacity_not_the_clip_length()
    {
        var (path, _) = Source(2, 1000);
        using var small = new ClipStream(path, 0, 1000, 1000);
        using var huge = new ClipStream(path, 0, 30L * 60 * 48000, 1000); // a 30-minute clip
        Assert.Equal(1024, small.Capacity);
        Assert.Equal(small.BufferBytes, huge.BufferBytes);
        Assert.Equal(8192, huge.BufferBytes);
        huge.Fill();
        Assert.True(huge.BufferedFrames <= huge.Capacity);
    }

    [Fact]
    public void Unfilled_reads_are_silence_and_counted_as_underruns()
    {
        var (path, audio) = Source(2, 5000);
        using var s = new ClipStream(path, 100, 4000, 1024);
        float[] l = new float[256], r = new float[256];
        Array.Fill(l, 9f);
        s.Read(0, l, r);
        Assert.All(l, v => Assert.Equal(0f, v));
        Assert.Equal(256, s.UnderrunFrames);
        Assert.Equal(1, s.UnderrunEvents);

        s.Fill();
        s.Read(256, l, r);
        Assert.Equal(audio[0].AsSpan(356, 256).ToArray(), l);
        Assert.Equal(audio[1].AsSpan(356, 256).ToArray(), r);
        Assert.Equal(256, s.UnderrunFrames);
    }

    [Fact]
    public void Backward_seek_invalidates_until_the_producer_catches_up()
    {
        var (path, audio) = Source(1, 10000);
        using var s = new ClipStream(path, 0, 10000, 1024);
        float[] l = new float[100], r = new float[100];
        for (long pos = 0; pos < 3000; pos += 100)
        {
            s.Fill();
            s.Read(pos, l, r);
        }
        Assert.Equal(0, s.UnderrunFrames);
        s.Read(50, l, r); // jump back: the ring no longer holds frame 50
        Assert.All(l, v => Assert.Equal(0f, v));
        s.Fill();
        s.Read(150, l, r);
        Assert.Equal(audio[0].AsSpan(150, 100).ToArray(), l);
        Assert.Equal(l, r); // mono plays on both channels
        // A forward jump beyond the buffered window is picked up too.
        s.Read(8000, l, r);
        s.Fill();
        s.Read(8100, l, r);
        Assert.Equal(audio[0].AsSpan(8100, 100).ToArray(), l);
    }

    [Fact]
    public void Frames_past_the_end_of_the_file_are_silence_without_underrun()
    {
        var (path, audio) = Source(2, 1000);
        using var s = new ClipStream(path, 900, 500, 1024);
        s.Fill();
        float[] l = new float[500], r = new float[500];
        s.Read(0, l, r);
        Assert.Equal(audio[0].AsSpan(900, 100).ToArray(), l.AsSpan(0, 100).ToArray());
        Assert.All(l.Skip(100), v => Assert.Equal(0f, v));
        Assert.Equal(0, s.UnderrunFrames);
        Assert.False(s.IsFileOpen); // reached the end: the handle is released
    }

    [Fact]
    public void Butler_thread_feeds_a_concurrent_reader_with_exact_data()
    {
        var (path, audio) = Source(2, 200_000);
        using var s = new ClipStream(path, 0, 200_000, 4096);
        using var butler = new DiskReader([s]) { IdleWait = TimeSpan.FromMilliseconds(1) };
        butler.Start();
        float[] l = new float[128], r = new float[128];
        for (long pos = 0; pos + 128 <= 200_000; pos += 128)
        {
            // The test plays the audio thread but, unlike it, waits for data so every frame can be checked.
            SpinWait.SpinUntil(() => s.BufferedFrames >= 128, TimeSpan.FromSeconds(10));
            s.Read(pos, l, r);
            for (var i = 0; i < 128; i++)
            {
                if (l[i] != audio[0][pos + i] || r[i] != audio[1][pos + i])
                    Assert.Fail($"Mismatch at frame {pos + i}");
            }
        }
        butler.Stop();
        Assert.Equal(0, s.UnderrunFrames);
        Assert.Null(s.LastError);
    }

    [Fact]
    public void A_file_removed_under_a_stream_plays_silence_and_reports_why()
    {
        using var s = new ClipStream(_dir.File("gone.wav"), 0, 1000, 1024);
        s.Fill();
        Assert.NotNull(s.LastError);
        Assert.Contains("gone.wav", s.LastError, StringComparison.Ordinal);
    }
}
