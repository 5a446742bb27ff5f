using AudioLab.Engine.Realtime;

namespace AudioLab.Engine.Tests.Realtime;

public sealed class SpscQueueTests
{
    private readonly record struct Command(long Sequence, int Kind, double Value);

    [Fact]
    public void Capacity_is_rounded_up_to_a_power_of_two_and_full_queue_refuses_without_blocking()
    {
        var queue = new SpscQueue<Command>(5);
        Assert.Equal(8, queue.Capacity);
        for (var i = 0; i < 8; i++) Assert.True(queue.TryEnqueue(new Command(i, 1, i * 0.5)));
        Assert.False(queue.TryEnqueue(new Command(99, 1, 0)));
        Assert.Equal(8, queue.Count);
        Assert.True(queue.TryDequeue(out var first));
        Assert.Equal(0, first.Sequence);
        Assert.True(queue.TryEnqueue(new Command(8, 1, 0)));
        for (var i = 1; i <= 8; i++)
        {
            Assert.True(queue.TryPeek(out var peeked));
            Assert.True(queue.TryDequeue(out var item));
            Assert.Equal(peeked, item);
            Assert.Equal(i, item.Sequence);
        }
        Assert.False(queue.TryDequeue(out _));
        Assert.False(queue.TryPeek(out _));
    }

    [Fact]
    public void Two_threads_keep_order_and_lose_nothing()
    {
        const long total = 2_000_000;
        var queue = new SpscQueue<Command>(64);
        var failures = 0L;
        var consumed = 0L;
        var consumer = new Thread(() =>
        {
            var expected = 0L;
            while (expected < total)
            {
                if (!queue.TryDequeue(out var item))
                {
                    Thread.SpinWait(4);
                    continue;
                }
                if (item.Sequence != expected || item.Kind != (int)(expected % 7) || item.Value != expected * 0.25) failures++;
                expected++;
            }
            consumed = expected;
        });
        consumer.Start();
        var refusals = 0L;
        for (long i = 0; i < total; i++)
        {
            var command = new Command(i, (int)(i % 7), i * 0.25);
            while (!queue.TryEnqueue(command))
            {
                refusals++;
                Thread.SpinWait(4);
            }
        }
        Assert.True(consumer.Join(TimeSpan.FromMinutes(2)), "consumer did not finish");
        Assert.Equal(0, failures);
        Assert.Equal(total, consumed);
        Assert.True(refusals > 0, "a 64-slot queue under 2M items should have been full at least once");
    }

    [Fact]
    public void Enqueue_and_dequeue_allocate_nothing()
    {
        var queue = new SpscQueue<Command>(256);
        for (var i = 0; i < 1000; i++)
        {
            queue.TryEnqueue(new Command(i, 0, 0));
            queue.TryDequeue(out _);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (var i = 0; i < 100_000; i++)
        {
            queue.TryEnqueue(new Command(i, 2, 1));
            queue.TryEnqueue(new Command(i, 3, 1));
            queue.TryPeek(out _);
            queue.TryDequeue(out var a);
            queue.TryDequeue(out var b);
            sum += a.Kind + b.Kind;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(500_000, sum);
    }

    [Fact]
    public void Dequeued_slots_release_references()
    {
        var queue = new SpscQueue<RefCommand>(4);
        var weak = EnqueueAndDrain(queue);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.False(weak.IsAlive);
    }

    private readonly record struct RefCommand(object Payload);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference EnqueueAndDrain(SpscQueue<RefCommand> queue)
    {
        var payload = new byte[1024];
        queue.TryEnqueue(new RefCommand(payload));
        queue.TryDequeue(out _);
        return new WeakReference(payload);
    }
}
