using AudioLab.Engine.Realtime;

namespace AudioLab.Engine.Tests.Realtime;

public sealed class SeqLockTests
{
    // Four fields written together: a torn read would show fields from two different writes.
    private readonly record struct Transport(long Frame, long FrameCopy, long NegatedFrame, int State);

    [Fact]
    public void Readers_never_see_a_torn_value_while_the_writer_runs()
    {
        var seqLock = new SeqLock<Transport>();
        var stop = false;
        var torn = 0;
        var reads = 0L;
        var lastSeen = -1L;
        var regressions = 0;
        var reader = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                var value = seqLock.Read();
                if (value.Frame != value.FrameCopy || value.NegatedFrame != -value.Frame || value.State != (int)(value.Frame % 3)) torn++;
                if (value.Frame < lastSeen) regressions++;
                lastSeen = value.Frame;
                reads++;
            }
        });
        reader.Start();
        for (long frame = 0; frame < 3_000_000; frame++) seqLock.Write(new Transport(frame, frame, -frame, (int)(frame % 3)));
        Volatile.Write(ref stop, true);
        reader.Join();
        Assert.Equal(0, torn);
        Assert.Equal(0, regressions);
        Assert.True(reads > 0);
        Assert.Equal(3_000_000, seqLock.Version);
        Assert.Equal(2_999_999, seqLock.Read().Frame);
    }

    [Fact]
    public void Write_and_read_allocate_nothing()
    {
        var seqLock = new SeqLock<Transport>();
        seqLock.Write(default);
        _ = seqLock.Read();
        var before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (var i = 0; i < 100_000; i++)
        {
            seqLock.Write(new Transport(i, i, -i, i % 3));
            sum += seqLock.Read().Frame;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(4_999_950_000, sum);
    }
}
