namespace AudioLab.Engine.Realtime;

/// <summary>
/// Triple buffer for state coming out of the audio thread (meters of every track, recorder status). The writer fills
/// the back instance in place and publishes it with one atomic exchange; the reader takes the newest published
/// instance with another. Neither side ever waits or allocates, and each side owns its instance exclusively between
/// calls, so snapshots may hold preallocated arrays.
/// </summary>
public sealed class SnapshotPublisher<T> where T : class
{
    private const int FreshBit = 4;
    private const int IndexMask = 3;

    private readonly T[] _instances;
    private int _back;     // writer's instance
    private int _middle;   // last published instance | FreshBit when the reader has not taken it yet
    private int _front;    // reader's instance

    /// <summary>Creates the three instances with <paramref name="factory"/>. May allocate.</summary>
    public SnapshotPublisher(Func<T> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _instances = [factory(), factory(), factory()];
        _back = 0;
        _middle = 1;
        _front = 2;
    }

    /// <summary>Writer thread only (the audio thread); never allocates. The instance to fill before <see cref="Publish"/>.</summary>
    public T Back => _instances[_back];

    /// <summary>Writer thread only; wait-free, never allocates. Makes <see cref="Back"/> the newest snapshot and hands the writer a free instance.</summary>
    public void Publish()
    {
        var previous = Interlocked.Exchange(ref _middle, _back | FreshBit);
        _back = previous & IndexMask;
    }

    /// <summary>
    /// Reader thread only (one reader); wait-free, never allocates. Returns the newest published snapshot, or the
    /// same instance as last time when nothing new was published. Valid until the next call.
    /// </summary>
    public T Read() => Read(out _);

    /// <summary>As <see cref="Read()"/>; <paramref name="isNew"/> says whether a snapshot was published since the last call.</summary>
    public T Read(out bool isNew)
    {
        isNew = (Volatile.Read(ref _middle) & FreshBit) != 0;
        if (isNew)
        {
            var previous = Interlocked.Exchange(ref _middle, _front);
            _front = previous & IndexMask;
        }
        return _instances[_front];
    }
}
