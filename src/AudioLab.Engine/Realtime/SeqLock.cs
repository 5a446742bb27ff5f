namespace AudioLab.Engine.Realtime;

/// <summary>
/// Publishes a small unmanaged value (transport position, state) from one writer thread to any number of readers.
/// The writer never waits; a reader retries while a write is in progress, so it always gets a whole, consistent value.
/// Best for values of a few dozen bytes written every block; larger snapshots use <see cref="SnapshotPublisher{T}"/>.
/// </summary>
public sealed class SeqLock<T> where T : unmanaged
{
    private long _sequence; // odd while a write is in progress
    private T _value;

    /// <summary>Single writer thread (the audio thread); wait-free, never allocates.</summary>
    public void Write(in T value)
    {
        var sequence = _sequence;
        Volatile.Write(ref _sequence, sequence + 1);
        // The odd sequence must be visible before any byte of the value changes; a release store alone would let the
        // value stores move above it.
        Interlocked.MemoryBarrier();
        _value = value;
        Volatile.Write(ref _sequence, sequence + 2);
    }

    /// <summary>Any thread; never allocates. Spins only while the writer is inside <see cref="Write"/> (a few nanoseconds).</summary>
    public T Read()
    {
        var spin = new SpinWait();
        while (true)
        {
            var before = Volatile.Read(ref _sequence);
            if ((before & 1) == 0)
            {
                var copy = _value;
                Interlocked.MemoryBarrier(); // the copy is complete before the sequence is checked again
                if (Volatile.Read(ref _sequence) == before) return copy;
            }
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Number of completed writes. Any thread; never allocates.</summary>
    public long Version => Volatile.Read(ref _sequence) >> 1;
}
