using System.Runtime.CompilerServices;

namespace AudioLab.Engine.Realtime;

/// <summary>
/// Bounded lock-free queue for exactly one producer thread and one consumer thread (commands into the audio
/// thread, events out of it). Neither side ever waits: a full queue makes <see cref="TryEnqueue"/> return false,
/// an empty one makes <see cref="TryDequeue"/> return false.
/// </summary>
/// <remarks>
/// Indices grow monotonically and are masked into a power-of-two array. Each side caches the other side's index
/// and re-reads it (with acquire semantics) only when the cached value says full/empty, so the common case touches
/// no shared cache line but the slot itself.
/// </remarks>
public sealed class SpscQueue<T> where T : struct
{
    private readonly T[] _slots;
    private readonly long _mask;
    private PaddedCounter _head;        // next slot to read; written by the consumer only
    private PaddedCounter _tail;        // next slot to write; written by the producer only
    private PaddedCounter _cachedHead;  // producer's last view of _head
    private PaddedCounter _cachedTail;  // consumer's last view of _tail

    /// <summary>Creates a queue holding at least <paramref name="capacity"/> items (rounded up to a power of two). May allocate.</summary>
    public SpscQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 30);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _slots = new T[size];
        _mask = size - 1;
    }

    /// <summary>Number of slots.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Items queued right now; exact only when called from one of the two sides while the other is idle. Any thread; never allocates.</summary>
    public int Count => (int)(Volatile.Read(ref _tail.Value) - Volatile.Read(ref _head.Value));

    /// <summary>Producer thread only; never blocks, never allocates. False when the queue is full (the item is not queued).</summary>
    public bool TryEnqueue(in T item)
    {
        var tail = _tail.Value;
        if (tail - _cachedHead.Value >= _slots.Length)
        {
            _cachedHead.Value = Volatile.Read(ref _head.Value);
            if (tail - _cachedHead.Value >= _slots.Length) return false;
        }
        _slots[tail & _mask] = item;
        Volatile.Write(ref _tail.Value, tail + 1); // release: the slot is visible before the new tail
        return true;
    }

    /// <summary>Consumer thread only (typically the audio thread); never blocks, never allocates.</summary>
    public bool TryDequeue(out T item)
    {
        var head = _head.Value;
        if (!HasItemAt(head))
        {
            item = default;
            return false;
        }
        ref var slot = ref _slots[head & _mask];
        item = slot;
        // A command that holds references must not keep them alive from a slot nobody will read again.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) slot = default;
        Volatile.Write(ref _head.Value, head + 1); // release: the slot may be reused only after it was read
        return true;
    }

    /// <summary>Consumer thread only; never blocks, never allocates. Looks at the next item without removing it.</summary>
    public bool TryPeek(out T item)
    {
        var head = _head.Value;
        if (!HasItemAt(head))
        {
            item = default;
            return false;
        }
        item = _slots[head & _mask];
        return true;
    }

    /// <summary>Consumer thread only; never blocks. Re-reads the producer's tail only when the cached one says empty.</summary>
    private bool HasItemAt(long head)
    {
        if (head < _cachedTail.Value) return true;
        _cachedTail.Value = Volatile.Read(ref _tail.Value);
        return head < _cachedTail.Value;
    }
}
