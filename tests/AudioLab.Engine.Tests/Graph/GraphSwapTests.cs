using AudioLab.Engine.Graph;
using AudioLab.Engine.Streaming;

namespace AudioLab.Engine.Tests.Graph;

/// <summary>Rebuilding the graph mid-playback (an edit) keeps effect tails and glides gain changes.</summary>
public sealed class GraphSwapTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_rebuilt_graph_keeps_the_delay_tail_and_the_disk_ring()
    {
        var impulse = new float[2][] { new float[48000], new float[48000] };
        impulse[0][0] = impulse[1][0] = 1f;
        var src = TestAudio.Write(_dir.File("imp.wav"), impulse);
        var clip = TestAudio.Clip(src, 0, 48000);
        var track = TestAudio.Track(0, [clip], pan: -1, effects: [TestAudio.Effect("delay", ("time_ms", 20), ("feedback", 0.5), ("mix", 0.5))]);
        var project = TestAudio.Project([track]);
        var builder = new GraphBuilder();
        var options = new GraphBuildOptions { MaxBlockFrames = 256, StreamBufferFrames = 4096 };
        var first = builder.Build(project, options);
        var disk = new DiskReader(first.Streams);
        var l = new float[256];
        var r = new float[256];
        disk.FillAll();
        for (long t = 0; t < 512; t += 256) first.Process(t, 256, l, r);

        // Edit: the feedback changes. Same track id, same slot, same type: the line (and its echo in flight) carries over.
        var edited = project with { Tracks = [track with { Effects = [TestAudio.Effect("delay", ("time_ms", 20), ("feedback", 0.25), ("mix", 0.5))] }] };
        var second = builder.Build(edited, options, previous: first);
        Assert.Same(first.Streams[0], second.Streams[0]);
        disk.Attach(second.Streams);
        first.Dispose();

        var output = new float[2048];
        for (long t = 512; t < 2560; t += 256)
        {
            disk.FillAll();
            Array.Clear(l);
            second.Process(t, 256, l, r);
            l.CopyTo(output, (int)(t - 512));
        }
        // The impulse entered the line under the old graph; its first echo comes out of the new graph at 960 (the tail
        // survived the swap), and is fed back with the new feedback, so the second echo at 1920 is 0.5 × 0.25.
        Assert.Equal(0.5f, output[960 - 512], 5);
        Assert.Equal(0.125f, output[1920 - 512], 5);
        Assert.Equal(0, second.UnderrunFrames);
    }

    [Fact]
    public void A_volume_change_glides_over_one_block_instead_of_jumping()
    {
        var dc = new float[2][] { Enumerable.Repeat(0.5f, 4800).ToArray(), Enumerable.Repeat(0.5f, 4800).ToArray() };
        var src = TestAudio.Write(_dir.File("dc.wav"), dc);
        var track = TestAudio.Track(0, [TestAudio.Clip(src, 0, 4800)], pan: -1);
        var project = TestAudio.Project([track]);
        var builder = new GraphBuilder();
        var options = new GraphBuildOptions { MaxBlockFrames = 128, StreamBufferFrames = 4096 };
        var first = builder.Build(project, options);
        var disk = new DiskReader(first.Streams);
        disk.FillAll();
        var l = new float[128];
        var r = new float[128];
        first.Process(0, 128, l, r);
        var second = builder.Build(project with { Tracks = [track with { VolumeDb = -6.0206 }] }, options, first);
        disk.Attach(second.Streams);
        Array.Clear(l);
        second.Process(128, 128, l, r);
        Assert.True(l[0] < 0.5f && l[0] > 0.49f);
        Assert.Equal(0.25f, l[127], 4);
        for (var i = 1; i < 128; i++) Assert.True(l[i] < l[i - 1]);
        Array.Clear(l);
        second.Process(256, 128, l, r);
        Assert.All(l, v => Assert.Equal(0.25f, v, 4));
    }
}
