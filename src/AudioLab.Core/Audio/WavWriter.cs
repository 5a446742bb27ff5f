using System.Buffers.Binary;

namespace AudioLab.Core.Audio;

/// <summary>
/// Streams interleaved float frames into a WAV file. A 28-byte JUNK chunk is reserved after the
/// RIFF header so the file can become RF64 (EBU Tech 3306) in place when it outgrows 4 GB.
/// <see cref="Flush"/> rewrites the sizes so a crash leaves a readable file up to the last flush.
/// Integer formats round and clamp; dither, if wanted, is the caller's job. Not thread-safe.
/// </summary>
public sealed class WavWriter : IDisposable
{
    // RIFF/WAVE, JUNK(28), fmt(18: cbSize present so float readers find the extension they look for), data header.
    private const int HeaderBytes = 12 + 8 + 28 + 8 + 18 + 8;
    private const long RiffLimit = uint.MaxValue;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int _bytesPerSample;
    private byte[] _scratch = [];
    private bool _isRf64;
    private bool _disposed;

    public int Channels { get; }
    public int SampleRate { get; }
    public SampleFormat Format { get; }

    /// <summary>Frames written so far.</summary>
    public long FramesWritten { get; private set; }

    /// <summary>Data size beyond which the header switches to RF64; lowered by tests to exercise the switch.</summary>
    internal long Rf64ThresholdBytes { get; init; } = RiffLimit - HeaderBytes;

    public WavWriter(Stream stream, int channels, int sampleRate, SampleFormat format, bool leaveOpen = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, WavReader.MaxChannels);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        if (!stream.CanSeek || !stream.CanWrite) throw new ArgumentException("The stream must be writable and seekable.", nameof(stream));
        _stream = stream;
        _leaveOpen = leaveOpen;
        Channels = channels;
        SampleRate = sampleRate;
        Format = format;
        _bytesPerSample = format.BytesPerSample();
        WriteHeader();
    }

    public static WavWriter Create(string path, int channels, int sampleRate, SampleFormat format) =>
        new(new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16), channels, sampleRate, format);

    private long DataBytes => FramesWritten * Channels * _bytesPerSample;

    private void WriteHeader()
    {
        Span<byte> h = stackalloc byte[HeaderBytes];
        h.Clear();
        "RIFF"u8.CopyTo(h);
        "WAVE"u8.CopyTo(h[8..]);
        "JUNK"u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], 28);
        var fmt = h[48..];
        "fmt "u8.CopyTo(fmt);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[4..], 18);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[8..], (ushort)(Format.IsFloat() ? 3 : 1));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[10..], (ushort)Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[12..], (uint)SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[16..], (uint)(SampleRate * Channels * _bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[20..], (ushort)(Channels * _bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[22..], (ushort)(_bytesPerSample * 8));
        "data"u8.CopyTo(h[74..]);
        _stream.Position = 0;
        _stream.Write(h);
        PatchSizes();
    }

    /// <summary>Appends whole frames of interleaved samples (length must be a multiple of <see cref="Channels"/>).</summary>
    public void Write(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (interleaved.Length % Channels != 0) throw new ArgumentException("Partial frame.", nameof(interleaved));
        var bytes = interleaved.Length * _bytesPerSample;
        if (_scratch.Length < bytes) _scratch = new byte[Math.Max(bytes, 1 << 14)];
        var dst = _scratch.AsSpan(0, bytes);
        Encode(interleaved, dst);
        _stream.Position = HeaderBytes + DataBytes;
        _stream.Write(dst);
        FramesWritten += interleaved.Length / Channels;
    }

    /// <summary>Appends frames of silence (used to pad over an xrun or a gap so later audio stays aligned).</summary>
    public void WriteSilence(long frames)
    {
        Span<float> zeros = stackalloc float[256 * Channels];
        zeros.Clear();
        while (frames > 0)
        {
            var n = (int)Math.Min(frames, 256);
            Write(zeros[..(n * Channels)]);
            frames -= n;
        }
    }

    private void Encode(ReadOnlySpan<float> src, Span<byte> dst)
    {
        switch (Format)
        {
            case SampleFormat.Pcm16:
                for (int i = 0, j = 0; i < src.Length; i++, j += 2)
                    BinaryPrimitives.WriteInt16LittleEndian(dst[j..], (short)Quantize(src[i], 32768.0, 32767));
                break;
            case SampleFormat.Pcm24:
                for (int i = 0, j = 0; i < src.Length; i++, j += 3)
                {
                    var v = (int)Quantize(src[i], 8388608.0, 8388607);
                    dst[j] = (byte)v;
                    dst[j + 1] = (byte)(v >> 8);
                    dst[j + 2] = (byte)(v >> 16);
                }
                break;
            case SampleFormat.Pcm32:
                for (int i = 0, j = 0; i < src.Length; i++, j += 4)
                    BinaryPrimitives.WriteInt32LittleEndian(dst[j..], (int)Quantize(src[i], 2147483648.0, int.MaxValue));
                break;
            case SampleFormat.Float32:
                for (int i = 0, j = 0; i < src.Length; i++, j += 4)
                    BinaryPrimitives.WriteSingleLittleEndian(dst[j..], src[i]);
                break;
            case SampleFormat.Float64:
                for (int i = 0, j = 0; i < src.Length; i++, j += 8)
                    BinaryPrimitives.WriteDoubleLittleEndian(dst[j..], src[i]);
                break;
        }
    }

    /// <summary>Scales, rounds half away from zero and clamps to the format's range (NaN becomes 0).</summary>
    public static long Quantize(float sample, double scale, long max)
    {
        if (float.IsNaN(sample)) return 0;
        var v = Math.Round(sample * scale, MidpointRounding.AwayFromZero);
        if (v > max) return max;
        if (v < -max - 1) return -max - 1;
        return (long)v;
    }

    /// <summary>Rewrites the header's sizes and flushes; with <paramref name="toDisk"/>, also fsyncs.</summary>
    public void Flush(bool toDisk = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PatchSizes();
        if (toDisk && _stream is FileStream fs) fs.Flush(flushToDisk: true);
        else _stream.Flush();
    }

    private void PatchSizes()
    {
        var data = DataBytes;
        var riffSize = HeaderBytes - 8 + data + (data & 1);
        Span<byte> b = stackalloc byte[28];
        if (!_isRf64 && data > Rf64ThresholdBytes) _isRf64 = true;
        if (_isRf64)
        {
            _stream.Position = 0;
            _stream.Write("RF64"u8);
            _stream.Write([0xFF, 0xFF, 0xFF, 0xFF]);
            _stream.Position = 12;
            _stream.Write("ds64"u8);
            b.Clear();
            BinaryPrimitives.WriteInt64LittleEndian(b, riffSize);
            BinaryPrimitives.WriteInt64LittleEndian(b[8..], data);
            BinaryPrimitives.WriteInt64LittleEndian(b[16..], FramesWritten);
            _stream.Position = 20;
            _stream.Write(b);
            _stream.Position = HeaderBytes - 4;
            _stream.Write([0xFF, 0xFF, 0xFF, 0xFF]);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)riffSize);
            _stream.Position = 4;
            _stream.Write(b[..4]);
            BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)data);
            _stream.Position = HeaderBytes - 4;
            _stream.Write(b[..4]);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        if ((DataBytes & 1) == 1)
        {
            _stream.Position = HeaderBytes + DataBytes;
            _stream.WriteByte(0);
        }
        PatchSizes();
        _stream.Flush();
        _disposed = true;
        if (!_leaveOpen) _stream.Dispose();
    }
}
