using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace AudioLab.Core.Audio;

/// <summary>
/// Streams frames out of a RIFF/WAVE or RF64 file (PCM 16/24/32, float 32/64, plain or extensible).
/// Memory stays bounded whatever the header claims: nothing is sized from header fields.
/// Not thread-safe; one reader per consumer thread.
/// </summary>
public sealed class WavReader : IDisposable
{
    public const int MaxChannels = 32;
    public const int MaxSampleRate = 768_000;

    private static readonly Guid PcmSubFormat = new("00000001-0000-0010-8000-00aa00389b71");
    private static readonly Guid FloatSubFormat = new("00000003-0000-0010-8000-00aa00389b71");

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int _bytesPerSample;
    private byte[] _scratch = [];
    private long _position;

    public WavInfo Info { get; }

    /// <summary>Frame index the next <see cref="Read"/> starts at.</summary>
    public long Position => _position;

    /// <summary>Frames that can be read: the whole frames present, never more than the header declares.</summary>
    public long Length => Info.AvailableFrames;

    private WavReader(Stream stream, bool leaveOpen, WavInfo info, int bytesPerSample)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Info = info;
        _bytesPerSample = bytesPerSample;
    }

    public static WavReader Open(string path) =>
        Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16), leaveOpen: false);

    /// <summary>Parses the header. Throws <see cref="WavFormatException"/> for anything that is not a readable WAV.</summary>
    public static WavReader Open(Stream stream, bool leaveOpen = false)
    {
        try
        {
            return Parse(stream, leaveOpen);
        }
        catch
        {
            if (!leaveOpen) stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads only the header: handy for validation without keeping the file open.</summary>
    public static WavInfo Probe(string path)
    {
        using var reader = Open(path);
        return reader.Info;
    }

    private static WavReader Parse(Stream stream, bool leaveOpen)
    {
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        Span<byte> head = stackalloc byte[12];
        if (!TryReadExactly(stream, head)) throw new WavFormatException("The file is too short to be a WAV file.");
        var riff = head[..4];
        var isRf64 = riff.SequenceEqual("RF64"u8);
        if (!isRf64 && !riff.SequenceEqual("RIFF"u8))
            throw new WavFormatException("The file is not a WAV file (no RIFF header).");
        if (!head.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new WavFormatException("The file is a RIFF file but not WAVE audio.");

        long ds64DataSize = -1;
        int channels = 0, sampleRate = 0, bits = 0, blockAlign = 0;
        ushort formatTag = 0;
        var haveFormat = false;
        Span<byte> chunkHeader = stackalloc byte[8];
        Span<byte> fmt = stackalloc byte[40];
        long fileLength = stream.Length;

        while (true)
        {
            if (!TryReadExactly(stream, chunkHeader))
                throw new WavFormatException(haveFormat ? "The WAV file has no data chunk." : "The WAV file has no format chunk.");
            var id = chunkHeader[..4];
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            var bodyStart = stream.Position;

            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16) throw new WavFormatException("The WAV format chunk is too short.");
                var n = (int)Math.Min(size, fmt.Length);
                if (!TryReadExactly(stream, fmt[..n])) throw new WavFormatException("The WAV format chunk is cut short.");
                formatTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
                sampleRate = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]), int.MaxValue);
                blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
                if (formatTag == 0xFFFE)
                {
                    if (n < 40) throw new WavFormatException("The WAV extensible format chunk is too short.");
                    var sub = new Guid(fmt.Slice(24, 16));
                    formatTag = sub == PcmSubFormat ? (ushort)1 : sub == FloatSubFormat ? (ushort)3 : (ushort)0xFFFF;
                }
                haveFormat = true;
            }
            else if (id.SequenceEqual("ds64"u8))
            {
                var ds64 = fmt[..24];
                if (size < 24 || !TryReadExactly(stream, ds64)) throw new WavFormatException("The RF64 ds64 chunk is cut short.");
                ds64DataSize = BinaryPrimitives.ReadInt64LittleEndian(ds64[8..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat) throw new WavFormatException("The WAV data chunk comes before its format chunk.");
                var format = Validate(formatTag, channels, sampleRate, bits, blockAlign);
                if (isRf64 && size == 0xFFFFFFFF)
                {
                    if (ds64DataSize < 0) throw new WavFormatException("The RF64 file has no ds64 chunk.");
                    size = ds64DataSize;
                }
                var available = Math.Max(0, fileLength - bodyStart);
                var declaredFrames = size / blockAlign;
                var availableFrames = Math.Min(size, available) / blockAlign;
                var info = new WavInfo(channels, sampleRate, format, declaredFrames, availableFrames, bodyStart, isRf64);
                return new WavReader(stream, leaveOpen, info, bits / 8);
            }

            // Chunks are word-aligned: an odd size is followed by a pad byte.
            var next = bodyStart + size + (size & 1);
            if (next > fileLength) throw new WavFormatException("The WAV file is cut short before its data chunk.");
            stream.Position = next;
        }
    }

    private static SampleFormat Validate(ushort tag, int channels, int sampleRate, int bits, int blockAlign)
    {
        if (channels < 1 || channels > MaxChannels)
            throw new WavFormatException($"The WAV file has {channels} channels; 1 to {MaxChannels} are supported.");
        if (sampleRate < 1000 || sampleRate > MaxSampleRate)
            throw new WavFormatException($"The WAV sample rate {sampleRate} Hz is outside 1000..{MaxSampleRate} Hz.");
        SampleFormat format;
        if (tag == 1)
        {
            format = bits switch
            {
                16 => SampleFormat.Pcm16,
                24 => SampleFormat.Pcm24,
                32 => SampleFormat.Pcm32,
                _ => throw new WavFormatException($"{bits}-bit integer WAV is not supported (16, 24 and 32 are)."),
            };
        }
        else if (tag == 3)
        {
            format = bits switch
            {
                32 => SampleFormat.Float32,
                64 => SampleFormat.Float64,
                _ => throw new WavFormatException($"{bits}-bit float WAV is not supported (32 and 64 are)."),
            };
        }
        else
        {
            throw new WavFormatException("The WAV file is compressed or of an unknown encoding; only PCM and float are supported.");
        }
        if (blockAlign != channels * (bits / 8))
            throw new WavFormatException("The WAV header is inconsistent (block align does not match channels and bit depth).");
        return format;
    }

    /// <summary>Moves the read position to <paramref name="frame"/> (clamped to the readable length).</summary>
    public void Seek(long frame)
    {
        _position = Math.Clamp(frame, 0, Length);
        _stream.Position = Info.DataOffset + _position * Info.Channels * (long)_bytesPerSample;
    }

    /// <summary>
    /// Reads up to <c>destination.Length / Channels</c> frames as interleaved floats in [-1, 1).
    /// Returns the frames read; 0 at the end. Allocates only when a larger request than any before needs a bigger scratch buffer.
    /// </summary>
    public int Read(Span<float> destination)
    {
        var channels = Info.Channels;
        var frames = (int)Math.Min(destination.Length / channels, Length - _position);
        if (frames <= 0) return 0;
        var frameBytes = channels * _bytesPerSample;
        var bytes = frames * frameBytes;
        if (_scratch.Length < bytes) _scratch = new byte[Math.Max(bytes, 1 << 14)];
        var span = _scratch.AsSpan(0, bytes);
        var got = ReadAtMost(_stream, span);
        frames = got / frameBytes;
        Decode(span[..(frames * frameBytes)], destination[..(frames * channels)]);
        _position += frames;
        return frames;
    }

    private void Decode(ReadOnlySpan<byte> src, Span<float> dst)
    {
        switch (Info.Format)
        {
            case SampleFormat.Pcm16:
                for (int i = 0, j = 0; i < dst.Length; i++, j += 2)
                    dst[i] = BinaryPrimitives.ReadInt16LittleEndian(src[j..]) * (1f / 32768f);
                break;
            case SampleFormat.Pcm24:
                DecodePcm24(src, dst);
                break;
            case SampleFormat.Pcm32:
                for (int i = 0, j = 0; i < dst.Length; i++, j += 4)
                    dst[i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(src[j..]) * (1.0 / 2147483648.0));
                break;
            case SampleFormat.Float64:
                for (int i = 0, j = 0; i < dst.Length; i++, j += 8)
                    dst[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(src[j..]);
                break;
            case SampleFormat.Float32:
                for (int i = 0, j = 0; i < dst.Length; i++, j += 4)
                    dst[i] = BinaryPrimitives.ReadSingleLittleEndian(src[j..]);
                break;
        }
    }

    /// <summary>
    /// 24-bit little-endian PCM to float, 4 samples per step where SIMD is available: a byte shuffle puts each sample's
    /// three bytes in the top of an int (low byte 0), an arithmetic shift by 8 sign-extends it, and the int converts to
    /// float exactly before the power-of-two scale. Bit-identical to the scalar loop that finishes the tail.
    /// </summary>
    private static void DecodePcm24(ReadOnlySpan<byte> src, Span<float> dst)
    {
        var i = 0;
        var j = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Source byte index for each destination byte; 0xFF (out of range) gives 0.
            var pick = Vector128.Create((byte)0xFF, 0, 1, 2, 0xFF, 3, 4, 5, 0xFF, 6, 7, 8, 0xFF, 9, 10, 11);
            var scale = Vector128.Create(1f / 8388608f);
            // Each step loads 16 bytes but uses 12, so stop while 16 are still inside the source.
            for (; i + 4 <= dst.Length && j + 16 <= src.Length; i += 4, j += 12)
            {
                var bytes = Vector128.Create(src.Slice(j, 16));
                var ints = Vector128.Shuffle(bytes, pick).AsInt32() >> 8;
                (Vector128.ConvertToSingle(ints) * scale).CopyTo(dst.Slice(i, 4));
            }
        }
        for (; i < dst.Length; i++, j += 3)
            dst[i] = ((src[j] | (src[j + 1] << 8) | (src[j + 2] << 16)) << 8 >> 8) * (1f / 8388608f);
    }

    private static bool TryReadExactly(Stream stream, Span<byte> buffer) => ReadAtMost(stream, buffer) == buffer.Length;

    private static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    public void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }
}
