using AudioLab.Engine.Realtime;

namespace AudioLab.Engine.Tests.Realtime;

public sealed class SnapshotPublisherTests
{
    private sealed class Meters
    {
        public long Block;
        public readonly float[] Peaks = new float[32];
    }

    [Fact]
    public void Reader_gets_the_newest_published_snapshot_and_knows_when_nothing_changed()
    {
        var publisher = new SnapshotPublisher<Meters>(() => new Meters());
        var initial = publisher.Read(out var fresh);
        Assert.False(fresh);
        Assert.Equal(0, initial.Block);

        for (var block = 1; block <= 3; block++)
        {
            publisher.Back.Block = block;
            publisher.Publish();
        }
        var latest = publisher.Read(out fresh);
        Assert.True(fresh);
        Assert.Equal(3, latest.Block);
        Assert.Same(latest, publisher.Read(out fresh));
        Assert.False(fresh);
    }

    [Fact]
    public void Writer_and_reader_never_share_an_instance()
    {
        var publisher = new SnapshotPublisher<Meters>(() => new Meters());
        var stop = false;
        var inconsistent = 0;
        var regressions = 0;
        var freshReads = 0;
        var reader = new Thread(() =>
        {
            long last = 0;
            while (!Volatile.Read(ref stop))
            {
                var snapshot = publisher.Read(out var isNew);
                if (!isNew) continue;
                freshReads++;
                // The writer fills every peak with the block number; a shared instance would show a mix.
                foreach (var peak in snapshot.Peaks)
                    if (peak != snapshot.Block % 1000) inconsistent++;
                if (snapshot.Block < last) regressions++;
                last = snapshot.Block;
            }
        });
        reader.Start();
        for (long block = 1; block <= 500_000; block++)
        {
            var back = publisher.Back;
            back.Block = block;
            Array.Fill(back.Peaks, block % 1000);
            publisher.Publish();
        }
        Volatile.Write(ref stop, true);
        reader.Join();
        Assert.Equal(0, inconsistent);
        Assert.Equal(0, regressions);
        Assert.True(freshReads > 0);
        Assert.Equal(500_000, publisher.Read().Block);
    }

    [Fact]
    public void Publish_and_read_allocate_nothing()
    {
        var publisher = new SnapshotPublisher<Meters>(() => new Meters());
        publisher.Publish();
        publisher.Read();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            publisher.Back.Block = i;
            publisher.Publish();
            _ = publisher.Read();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
