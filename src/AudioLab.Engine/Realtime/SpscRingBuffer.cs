namespace AudioLab.Engine.Realtime;

/// <summary>
/// Lock-free single-producer/single-consumer ring of float samples: the audio thread writes recorded input for a
/// disk-writer thread, or a disk-reader thread writes file audio for the audio thread. Neither side ever waits;
/// a write that does not fit is cut short and the caller decides what a shortfall means (an overrun to count).
/// </summary>
/// <remarks>
/// Multi-channel audio travels interleaved so a frame is never split between two writes: the frame-oriented
/// methods move whole frames only.
/// </remarks>
public sealed class SpscRingBuffer
{
    private readonly float[] _buffer;
    private readonly long _mask;
    private PaddedCounter _readIndex;   // written by the consumer only
    private PaddedCounter _writeIndex;  // written by the producer only

    /// <summary>Creates a ring of at least <paramref name="capacity"/> samples (rounded up to a power of two). May allocate.</summary>
    public SpscRingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 30);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _buffer = new float[size];
        _mask = size - 1;
    }

    public int Capacity => _buffer.Length;

    /// <summary>Samples that can be read now. Any thread; never allocates (a lower bound for the producer, exact for the consumer).</summary>
    public int AvailableToRead => (int)(Volatile.Read(ref _writeIndex.Value) - Volatile.Read(ref _readIndex.Value));

    /// <summary>Samples that can be written now. Any thread; never allocates (exact for the producer, a lower bound for the consumer).</summary>
    public int AvailableToWrite => _buffer.Length - AvailableToRead;

    /// <summary>Producer thread only; never blocks, never allocates. Writes as many samples as fit and returns that count.</summary>
    public int Write(ReadOnlySpan<float> samples)
    {
        var write = _writeIndex.Value;
        var free = _buffer.Length - (int)(write - Volatile.Read(ref _readIndex.Value));
        var n = Math.Min(free, samples.Length);
        if (n <= 0) return 0;
        var start = (int)(write & _mask);
        var first = Math.Min(n, _buffer.Length - start);
        samples[..first].CopyTo(_buffer.AsSpan(start));
        samples[first..n].CopyTo(_buffer);
        Volatile.Write(ref _writeIndex.Value, write + n);
        return n;
    }

    /// <summary>Consumer thread only; never blocks, never allocates. Reads up to <c>destination.Length</c> samples and returns the count read.</summary>
    public int Read(Span<float> destination)
    {
        var read = _readIndex.Value;
        var available = (int)(Volatile.Read(ref _writeIndex.Value) - read);
        var n = Math.Min(available, destination.Length);
        if (n <= 0) return 0;
        var start = (int)(read & _mask);
        var first = Math.Min(n, _buffer.Length - start);
        _buffer.AsSpan(start, first).CopyTo(destination);
        _buffer.AsSpan(0, n - first).CopyTo(destination[first..]);
        Volatile.Write(ref _readIndex.Value, read + n);
        return n;
    }

    /// <summary>Consumer thread only; never blocks, never allocates. Drops up to <paramref name="samples"/> samples; returns the count dropped.</summary>
    public int Skip(int samples)
    {
        var read = _readIndex.Value;
        var n = Math.Min((int)(Volatile.Read(ref _writeIndex.Value) - read), samples);
        if (n <= 0) return 0;
        Volatile.Write(ref _readIndex.Value, read + n);
        return n;
    }

    /// <summary>
    /// Producer thread only; never blocks, never allocates. Interleaves <paramref name="frames"/> frames starting at
    /// <paramref name="offset"/> of the first <paramref name="channelCount"/> planar channels into the ring.
    /// Writes whole frames only; returns the frames written (fewer than asked when the ring is nearly full).
    /// </summary>
    public int WriteInterleaved(float[][] planar, int channelCount, int offset, int frames)
    {
        var write = _writeIndex.Value;
        var free = _buffer.Length - (int)(write - Volatile.Read(ref _readIndex.Value));
        var n = Math.Min(free / channelCount, frames);
        if (n <= 0) return 0;
        var buffer = _buffer;
        var mask = _mask;
        for (var c = 0; c < channelCount; c++)
        {
            var src = planar[c];
            var position = write + c;
            for (var i = 0; i < n; i++, position += channelCount) buffer[position & mask] = src[offset + i];
        }
        Volatile.Write(ref _writeIndex.Value, write + (long)n * channelCount);
        return n;
    }

    /// <summary>
    /// Consumer thread only; never blocks, never allocates. Reads up to <paramref name="frames"/> interleaved frames of
    /// <paramref name="channelCount"/> channels into planar channels starting at <paramref name="offset"/>.
    /// Returns the frames read; the caller fills any shortfall.
    /// </summary>
    public int ReadDeinterleaved(float[][] planar, int channelCount, int offset, int frames)
    {
        var read = _readIndex.Value;
        var available = (int)(Volatile.Read(ref _writeIndex.Value) - read);
        var n = Math.Min(available / channelCount, frames);
        if (n <= 0) return 0;
        var buffer = _buffer;
        var mask = _mask;
        for (var c = 0; c < channelCount; c++)
        {
            var dst = planar[c];
            var position = read + c;
            for (var i = 0; i < n; i++, position += channelCount) dst[offset + i] = buffer[position & mask];
        }
        Volatile.Write(ref _readIndex.Value, read + (long)n * channelCount);
        return n;
    }
}
