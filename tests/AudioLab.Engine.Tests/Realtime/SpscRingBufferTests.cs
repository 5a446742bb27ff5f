using AudioLab.Engine.Realtime;

namespace AudioLab.Engine.Tests.Realtime;

public sealed class SpscRingBufferTests
{
    [Fact]
    public void Writes_are_cut_short_when_full_and_wrap_around()
    {
        var ring = new SpscRingBuffer(10);
        Assert.Equal(16, ring.Capacity);
        var data = Enumerable.Range(0, 20).Select(i => (float)i).ToArray();
        Assert.Equal(16, ring.Write(data));
        Assert.Equal(0, ring.Write(data));
        var read = new float[10];
        Assert.Equal(10, ring.Read(read));
        Assert.Equal(data[..10], read);
        Assert.Equal(4, ring.Write(data.AsSpan(16, 4)));   // wraps around the end of the array
        Assert.Equal(10, ring.AvailableToRead);
        Assert.Equal(6, ring.AvailableToWrite);
        var rest = new float[32];
        Assert.Equal(10, ring.Read(rest));
        Assert.Equal([10, 11, 12, 13, 14, 15, 16, 17, 18, 19], rest[..10]);
        Assert.Equal(0, ring.Read(rest));
    }

    [Fact]
    public void Interleaved_frames_round_trip_through_planar_channels()
    {
        var ring = new SpscRingBuffer(64);
        float[][] planar = [[1, 2, 3, 4], [-1, -2, -3, -4], [10, 20, 30, 40]];
        Assert.Equal(3, ring.WriteInterleaved(planar, 3, 1, 3));
        var raw = new float[9];
        Assert.Equal(9, ring.Read(raw));
        Assert.Equal([2, -2, 20, 3, -3, 30, 4, -4, 40], raw);

        ring.Write([1, 2, 3, 4, 5, 6, 7]); // 3 whole stereo frames + 1 sample
        float[][] outPlanar = [new float[8], new float[8]];
        Assert.Equal(3, ring.ReadDeinterleaved(outPlanar, 2, 2, 8));
        Assert.Equal([0, 0, 1, 3, 5, 0, 0, 0], outPlanar[0]);
        Assert.Equal([0, 0, 2, 4, 6, 0, 0, 0], outPlanar[1]);
        Assert.Equal(1, ring.AvailableToRead);
    }

    [Fact]
    public void Frame_writes_never_split_a_frame()
    {
        var ring = new SpscRingBuffer(8);
        float[][] planar = [new float[10], new float[10], new float[10]];
        Assert.Equal(2, ring.WriteInterleaved(planar, 3, 0, 10)); // 8 slots hold 2 frames of 3, not 2.67
        Assert.Equal(6, ring.AvailableToRead);
    }

    [Fact]
    public void Two_threads_stream_every_sample_in_order()
    {
        const int total = 4_000_000;
        var ring = new SpscRingBuffer(1024);
        var failures = 0;
        var received = 0;
        var consumer = new Thread(() =>
        {
            var buffer = new float[300];
            var random = new Random(2);
            var expected = 0;
            while (expected < total)
            {
                var n = ring.Read(buffer.AsSpan(0, random.Next(1, buffer.Length)));
                if (n == 0) Thread.SpinWait(8);
                for (var i = 0; i < n; i++, expected++)
                    if (buffer[i] != expected % 16_777_216) failures++; // floats are exact integers below 2^24
            }
            received = expected;
        });
        consumer.Start();
        var chunk = new float[257];
        var random = new Random(1);
        var next = 0;
        while (next < total)
        {
            var size = Math.Min(random.Next(1, chunk.Length), total - next);
            for (var i = 0; i < size; i++) chunk[i] = (next + i) % 16_777_216;
            var written = ring.Write(chunk.AsSpan(0, size));
            next += written;
            if (written < size) Thread.SpinWait(8);
        }
        Assert.True(consumer.Join(TimeSpan.FromMinutes(2)), "consumer did not finish");
        Assert.Equal(0, failures);
        Assert.Equal(total, received);
    }

    [Fact]
    public void Audio_thread_methods_allocate_nothing()
    {
        var ring = new SpscRingBuffer(4096);
        float[][] planar = [new float[128], new float[128]];
        var flat = new float[256];
        for (var i = 0; i < 100; i++)
        {
            ring.WriteInterleaved(planar, 2, 0, 128);
            ring.ReadDeinterleaved(planar, 2, 0, 128);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50_000; i++)
        {
            ring.WriteInterleaved(planar, 2, 0, 128);
            ring.Write(flat);
            ring.ReadDeinterleaved(planar, 2, 0, 128);
            ring.Read(flat.AsSpan(0, 200));
            ring.Skip(56);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, ring.AvailableToRead);
    }
}
