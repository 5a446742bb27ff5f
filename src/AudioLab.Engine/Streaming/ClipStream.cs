using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AudioLab.Core.Audio;

namespace AudioLab.Engine.Streaming;

/// <summary>
/// A bounded single-producer/single-consumer ring holding the next frames of one clip's source region, as planar
/// stereo floats. The producer (<see cref="DiskReader"/>: a butler thread during playback, or the render thread itself
/// before each block when exporting) does all file I/O in <see cref="Fill"/>; the consumer (the audio thread, through
/// <see cref="Read"/>) only copies out of memory and never waits: missing frames become silence and are counted as an underrun.
/// <para>
/// Frames are addressed by their clip-local index f (0 = first frame of the clip) and live in slot f mod capacity.
/// The consumer publishes <c>readFrame</c> (everything before it may be overwritten); the producer publishes
/// <c>writeFrame</c> (everything from readFrame up to it holds valid data) and never writes a frame ≥ readFrame + capacity.
/// A forward jump just moves readFrame (the producer skips ahead); a backward jump also bumps a seek generation, and the
/// consumer trusts nothing until the producer has acknowledged it and restarted from the new position.
/// </para>
/// Memory is capacity × 2 channels × 4 bytes whatever the clip's length. A mono source feeds both channels;
/// channels beyond the second are ignored. Frames past the end of the file read as silence.
/// </summary>
public sealed class ClipStream : IDisposable
{
    // Frames per file read: 16 k stereo 24-bit frames are 96 KB, more than WavReader's 64 KB FileStream buffer, so the
    // stream reads straight into our scratch instead of copying through its own buffer.
    private const int ReadChunkFrames = 16384;

    private readonly float[] _left, _right;
    private readonly int _mask;

    // Shared between the two threads; each is written by one side only.
    private long _readFrame;   // consumer
    private int _seekGeneration; // consumer
    private long _writeFrame;  // producer
    private int _ackGeneration; // producer

    // Consumer-only.
    private long _consumerPosition;
    private long _underrunFrames;
    private long _underrunEvents;

    // Producer-only.
    private WavReader? _reader;
    private long _readerFrame = -1;
    private float[] _scratch = [];

    /// <param name="path">WAV file at the project's sample rate.</param>
    /// <param name="sourceOffsetFrames">First file frame of the clip.</param>
    /// <param name="lengthFrames">Clip length in frames.</param>
    /// <param name="capacityFrames">Ring size; rounded up to a power of two.</param>
    public ClipStream(string path, long sourceOffsetFrames, long lengthFrames, int capacityFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceOffsetFrames);
        ArgumentOutOfRangeException.ThrowIfNegative(lengthFrames);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityFrames, 16);
        Path = path;
        SourceOffsetFrames = sourceOffsetFrames;
        LengthFrames = lengthFrames;
        Capacity = (int)BitOperations.RoundUpToPowerOf2((uint)capacityFrames);
        _mask = Capacity - 1;
        _left = new float[Capacity];
        _right = new float[Capacity];
    }

    public string Path { get; }
    public long SourceOffsetFrames { get; }
    public long LengthFrames { get; }

    /// <summary>Ring size in frames (a power of two).</summary>
    public int Capacity { get; }

    /// <summary>Bytes held by the ring buffers: the stream's whole audio memory.</summary>
    public long BufferBytes => 2L * Capacity * sizeof(float);

    /// <summary>Frames the audio thread had to replace with silence because the disk had not delivered them.</summary>
    public long UnderrunFrames => Volatile.Read(ref _underrunFrames);

    /// <summary>Blocks that hit an underrun.</summary>
    public long UnderrunEvents => Volatile.Read(ref _underrunEvents);

    /// <summary>The last I/O error the producer met (the clip then plays silence); null when all is well.</summary>
    public string? LastError { get; private set; }

    /// <summary>Whether a file handle is currently open (bounded: closed while the clip waits to start and after its end).</summary>
    public bool IsFileOpen => _reader is not null;

    /// <summary>Frames ready for the consumer at its current position.</summary>
    public long BufferedFrames =>
        Volatile.Read(ref _ackGeneration) == Volatile.Read(ref _seekGeneration)
            ? Math.Max(0, Volatile.Read(ref _writeFrame) - Volatile.Read(ref _readFrame))
            : 0;

    /// <summary>
    /// Copies clip-local frames [<paramref name="clipFrame"/>, + length) into the destinations (overwriting them).
    /// Frames not yet loaded become silence and count as an underrun. Audio thread; never allocates, locks or waits.
    /// </summary>
    public void Read(long clipFrame, Span<float> left, Span<float> right)
    {
        var frames = left.Length;
        if (clipFrame != _consumerPosition) Locate(clipFrame);
        var valid = 0;
        if (Volatile.Read(ref _ackGeneration) == _seekGeneration)
            valid = (int)Math.Clamp(Volatile.Read(ref _writeFrame) - clipFrame, 0, frames);
        if (valid > 0)
        {
            var slot = (int)(clipFrame & _mask);
            var first = Math.Min(valid, Capacity - slot);
            _left.AsSpan(slot, first).CopyTo(left);
            _right.AsSpan(slot, first).CopyTo(right);
            if (first < valid)
            {
                _left.AsSpan(0, valid - first).CopyTo(left[first..]);
                _right.AsSpan(0, valid - first).CopyTo(right[first..]);
            }
        }
        if (valid < frames)
        {
            left[valid..frames].Clear();
            right[valid..frames].Clear();
            var missing = Math.Min(frames, LengthFrames - clipFrame) - valid;
            if (missing > 0)
            {
                Volatile.Write(ref _underrunFrames, _underrunFrames + missing);
                Volatile.Write(ref _underrunEvents, _underrunEvents + 1);
            }
        }
        _consumerPosition = clipFrame + frames;
        Volatile.Write(ref _readFrame, _consumerPosition);
    }

    /// <summary>
    /// Tells the producer the consumer will next read at <paramref name="clipFrame"/> (a seek). Audio thread; never allocates.
    /// Called by <see cref="Read"/> on a jump, and by the transport on a locate so the butler can refill before playback resumes.
    /// </summary>
    public void Locate(long clipFrame)
    {
        var backwards = clipFrame < _consumerPosition;
        _consumerPosition = clipFrame;
        Volatile.Write(ref _readFrame, clipFrame);
        // A backward jump invalidates the ring (older frames may be overwritten); the producer acknowledges it.
        if (backwards) Interlocked.Increment(ref _seekGeneration);
    }

    /// <summary>
    /// Loads frames ahead of the consumer until the ring is full or the clip ends; skips the work when less than half the
    /// ring is free (so reads stay large). Returns frames loaded. Producer thread only (I/O; may allocate a scratch buffer once).
    /// </summary>
    public int Fill()
    {
        var generation = Volatile.Read(ref _seekGeneration);
        var write = _writeFrame;
        if (generation != _ackGeneration)
        {
            write = Volatile.Read(ref _readFrame);
            Volatile.Write(ref _writeFrame, write);
            Volatile.Write(ref _ackGeneration, generation);
        }
        var read = Volatile.Read(ref _readFrame);
        if (write < read) write = read;
        var end = Math.Min(read + Capacity, LengthFrames);
        if (write >= end)
        {
            // Finished, or full while the clip waits to start: no need to hold a file handle.
            if (write >= LengthFrames || read == 0) CloseFile();
            return 0;
        }
        if (end - write < Capacity / 2 && end < LengthFrames) return 0;

        var loaded = 0;
        while (write < end)
        {
            var slot = (int)(write & _mask);
            var n = (int)Math.Min(Math.Min(end - write, Capacity - slot), ReadChunkFrames);
            var got = ReadSource(write, slot, n);
            if (got < n)
            {
                _left.AsSpan(slot + got, n - got).Clear();
                _right.AsSpan(slot + got, n - got).Clear();
            }
            write += n;
            loaded += n;
            Volatile.Write(ref _writeFrame, write);
        }
        if (write >= LengthFrames || read == 0 && write >= Capacity) CloseFile();
        return loaded;
    }

    private int ReadSource(long clipFrame, int slot, int frames)
    {
        try
        {
            if (_reader is null)
            {
                _reader = WavReader.Open(Path);
                _readerFrame = -1;
            }
            if (_readerFrame != clipFrame)
            {
                _reader.Seek(SourceOffsetFrames + clipFrame);
                _readerFrame = clipFrame;
            }
            var channels = _reader.Info.Channels;
            if (_scratch.Length < frames * channels) _scratch = new float[Math.Max(frames, 4096) * channels];
            var got = _reader.Read(_scratch.AsSpan(0, frames * channels));
            _readerFrame += got;
            Deinterleave(_scratch.AsSpan(0, got * channels), channels, _left.AsSpan(slot, got), _right.AsSpan(slot, got));
            return got;
        }
        catch (Exception e) when (e is IOException or WavFormatException or UnauthorizedAccessException)
        {
            LastError = $"Cannot read '{Path}': {e.Message}";
            CloseFile();
            return 0;
        }
    }

    private static void Deinterleave(ReadOnlySpan<float> src, int channels, Span<float> left, Span<float> right)
    {
        if (channels == 1)
        {
            src.CopyTo(left);
            src.CopyTo(right);
            return;
        }
        var start = 0;
        if (channels == 2 && Sse.IsSupported)
        {
            // Stereo, 4 frames per step: two loads of [L R L R], then the even and the odd lanes.
            for (; start + 4 <= left.Length; start += 4)
            {
                var a = Vector128.Create(src.Slice(2 * start, 4));
                var b = Vector128.Create(src.Slice(2 * start + 4, 4));
                Sse.Shuffle(a, b, 0b10_00_10_00).CopyTo(left.Slice(start, 4));
                Sse.Shuffle(a, b, 0b11_01_11_01).CopyTo(right.Slice(start, 4));
            }
        }
        for (int i = start, j = start * channels; i < left.Length; i++, j += channels)
        {
            left[i] = src[j];
            right[i] = src[j + 1];
        }
    }

    private void CloseFile()
    {
        _reader?.Dispose();
        _reader = null;
        _readerFrame = -1;
    }

    /// <summary>Closes the file. Producer thread (or after the producer has stopped).</summary>
    public void Dispose() => CloseFile();
}
