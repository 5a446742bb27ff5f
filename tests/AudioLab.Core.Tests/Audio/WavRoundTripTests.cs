using AudioLab.Core.Audio;

namespace AudioLab.Core.Tests.Audio;

public sealed class WavRoundTripTests
{
    private static float[] Ramp(int samples, int bits)
    {
        // Values on the format's own grid so a round trip must be exact.
        var scale = 1L << (bits - 1);
        var data = new float[samples];
        var rng = new Random(7);
        for (var i = 0; i < samples; i++) data[i] = (float)(rng.NextInt64(-scale, scale) / (double)scale);
        return data;
    }

    [Theory]
    [InlineData(SampleFormat.Pcm16, 1)]
    [InlineData(SampleFormat.Pcm24, 2)]
    [InlineData(SampleFormat.Pcm24, 1)]
    [InlineData(SampleFormat.Float32, 2)]
    public void Written_frames_read_back_identically(SampleFormat format, int channels)
    {
        var bits = format == SampleFormat.Float32 ? 24 : format.BitsPerSample();
        var samples = Ramp(4801 * channels, bits);
        using var ms = new MemoryStream();
        using (var writer = new WavWriter(ms, channels, 48000, format, leaveOpen: true))
            writer.Write(samples);

        ms.Position = 0;
        using var reader = WavReader.Open(ms, leaveOpen: true);
        Assert.Equal(channels, reader.Info.Channels);
        Assert.Equal(48000, reader.Info.SampleRate);
        Assert.Equal(format, reader.Info.Format);
        Assert.Equal(4801, reader.Length);
        Assert.False(reader.Info.IsTruncated);
        var back = new float[samples.Length];
        var total = 0;
        while (true)
        {
            var n = reader.Read(back.AsSpan(total * channels, Math.Min(1000 * channels, back.Length - total * channels)));
            if (n == 0) break;
            total += n;
        }
        Assert.Equal(4801, total);
        Assert.Equal(samples, back);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4097)]
    public void Random_24_bit_bytes_decode_exactly_like_the_formula(int frames)
    {
        // The decoder is vectorised with a scalar tail; any byte pattern must give the textbook value, bit for bit.
        var raw = new byte[frames * 2 * 3];
        new Random(frames).NextBytes(raw);
        using var ms = new MemoryStream();
        using (var writer = new WavWriter(ms, 2, 48000, SampleFormat.Pcm24, leaveOpen: true))
            writer.Write(new float[frames * 2]);
        ms.Position = 0;
        ms.Position = WavReader.Open(ms, leaveOpen: true).Info.DataOffset;
        ms.Write(raw);
        ms.Position = 0;
        using var reader = WavReader.Open(ms, leaveOpen: true);
        var read = new float[frames * 2];
        Assert.Equal(frames, reader.Read(read));
        for (int i = 0, j = 0; i < read.Length; i++, j += 3)
        {
            var expected = ((raw[j] | (raw[j + 1] << 8) | (raw[j + 2] << 16)) << 8 >> 8) / 8388608f;
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(read[i]));
        }
    }

    [Fact]
    public void Seek_reads_from_the_requested_frame()
    {
        using var ms = new MemoryStream();
        var samples = Enumerable.Range(0, 1000).Select(i => i / 8388608f).ToArray();
        using (var writer = new WavWriter(ms, 1, 48000, SampleFormat.Pcm24, leaveOpen: true)) writer.Write(samples);
        ms.Position = 0;
        using var reader = WavReader.Open(ms, leaveOpen: true);
        reader.Seek(777);
        var buf = new float[3];
        Assert.Equal(3, reader.Read(buf));
        Assert.Equal([777 / 8388608f, 778 / 8388608f, 779 / 8388608f], buf);
    }

    [Fact]
    public void Integer_formats_clamp_instead_of_wrapping()
    {
        using var ms = new MemoryStream();
        using (var writer = new WavWriter(ms, 1, 48000, SampleFormat.Pcm16, leaveOpen: true)) writer.Write([1.5f, -1.5f, float.NaN]);
        ms.Position = 0;
        using var reader = WavReader.Open(ms, leaveOpen: true);
        var buf = new float[3];
        reader.Read(buf);
        Assert.Equal(32767 / 32768f, buf[0]);
        Assert.Equal(-1f, buf[1]);
        Assert.Equal(0f, buf[2]);
    }

    [Fact]
    public void A_file_past_the_riff_limit_becomes_rf64_and_still_reads()
    {
        using var ms = new MemoryStream();
        var samples = Ramp(2000, 24);
        using (var writer = new WavWriter(ms, 2, 48000, SampleFormat.Pcm24, leaveOpen: true) { Rf64ThresholdBytes = 3000 })
            writer.Write(samples);
        ms.Position = 0;
        Assert.Equal("RF64"u8.ToArray(), ms.ToArray()[..4]);
        using var reader = WavReader.Open(ms, leaveOpen: true);
        Assert.True(reader.Info.IsRf64);
        Assert.Equal(1000, reader.Length);
        var back = new float[2000];
        reader.Read(back);
        Assert.Equal(samples, back);
    }

    [Fact]
    public void A_flushed_file_whose_writer_never_closed_reads_up_to_the_flush()
    {
        var path = Path.GetTempFileName();
        File.Delete(path);
        try
        {
            var writer = WavWriter.Create(path, 1, 48000, SampleFormat.Pcm24);
            writer.Write(new float[480]);
            writer.Flush(toDisk: true);
            writer.Write(new float[100]); // written but not flushed: the header still says 480.
            using (var copy = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = WavReader.Open(copy))
                Assert.Equal(480, reader.Length);
            writer.Dispose();
            Assert.Equal(580, WavReader.Probe(path).AvailableFrames);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_cut_short_file_is_reported_truncated()
    {
        using var ms = new MemoryStream();
        using (var writer = new WavWriter(ms, 1, 48000, SampleFormat.Pcm16, leaveOpen: true)) writer.Write(new float[1000]);
        var cut = ms.ToArray()[..(int)(ms.Length - 501)];
        using var reader = WavReader.Open(new MemoryStream(cut));
        Assert.True(reader.Info.IsTruncated);
        Assert.Equal(1000, reader.Info.DeclaredFrames);
        Assert.Equal(749, reader.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello, this is text and certainly not audio at all")]
    [InlineData("RIFF\u0004\0\0\0AVI ")]
    public void Non_wav_input_is_refused_with_a_message(string content)
    {
        var ex = Assert.Throws<WavFormatException>(() => WavReader.Open(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(content))));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void A_header_claiming_a_huge_data_chunk_allocates_nothing_of_that_size()
    {
        using var ms = new MemoryStream();
        using (var writer = new WavWriter(ms, 2, 48000, SampleFormat.Pcm16, leaveOpen: true)) writer.Write(new float[20]);
        var bytes = ms.ToArray();
        // data chunk size field sits right before the samples: claim ~4 GB.
        BitConverter.GetBytes(0xFFFFFFF0u).CopyTo(bytes, bytes.Length - 40 - 4);
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var reader = WavReader.Open(new MemoryStream(bytes));
        Assert.True(reader.Info.IsTruncated);
        Assert.Equal(10, reader.Length);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
    }

    [Fact]
    public void Sox_reads_our_24_bit_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"al-{Guid.NewGuid():N}.wav");
        try
        {
            using (var writer = WavWriter.Create(path, 2, 48000, SampleFormat.Pcm24))
                writer.Write(Enumerable.Repeat(0.5f, 9600).ToArray());
            var psi = new System.Diagnostics.ProcessStartInfo("soxi", ["-s", path]) { RedirectStandardOutput = true };
            using var p = System.Diagnostics.Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            Assert.Equal("4800", output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
