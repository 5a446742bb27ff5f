using AudioLab.Core.Dsp;

namespace AudioLab.Core.Tests.Dsp;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(44_100, 48_000, 44_100)]
    [InlineData(44_100, 48_000, 12_345)]
    [InlineData(48_000, 44_100, 48_000)]
    [InlineData(48_000, 44_100, 7)]
    [InlineData(96_000, 48_000, 96_001)]
    [InlineData(22_050, 48_000, 1)]
    [InlineData(48_000, 48_001, 20_000)]
    public void Output_length_is_rounded_input_length_times_ratio(int inRate, int outRate, int frames)
    {
        var output = Convert(Sine(frames, inRate, 440, 0.5, channels: 2), 2, inRate, outRate, chunk: 1000);

        var expected = (long)Math.Round((double)frames * outRate / inRate, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, output.Length / 2);
        Assert.Equal(expected, Resampler.OutputLength(frames, inRate, outRate));
    }

    [Fact]
    public void A_1kHz_sine_upsampled_from_44100_to_48000_keeps_pitch_level_and_purity()
    {
        var output = Convert(Sine(44_100, 44_100, 1000, 0.5, channels: 1), 1, 44_100, 48_000, chunk: 4096);

        // Skip the edges, where the signal starts and stops abruptly; 1000 Hz fits 1000 whole cycles in 48000 frames.
        var middle = output.AsSpan(4_000, 38_400);
        var (amplitude, residualDb) = FitSine(middle, 48_000, 1000, 4_000);
        Assert.InRange(amplitude, 0.4999, 0.5001);
        Assert.True(residualDb < -95, $"residual {residualDb:F1} dB");
    }

    [Fact]
    public void Downsampling_rejects_tones_above_the_new_nyquist_frequency()
    {
        // 23 kHz cannot exist at 44.1 kHz: it must be filtered out, not folded to 21.1 kHz.
        var output = Convert(Sine(48_000, 48_000, 23_000, 0.9, channels: 1), 1, 48_000, 44_100, chunk: 777);

        var middle = output.AsSpan(4_000, 30_000);
        var rms = Math.Sqrt(middle.ToArray().Select(x => (double)x * x).Average());
        var db = 20 * Math.Log10(rms / (0.9 / Math.Sqrt(2)));
        Assert.True(db < -95, $"aliased tone at {db:F1} dB");
    }

    [Fact]
    public void Passband_tone_at_20kHz_passes_downsampling()
    {
        var output = Convert(Sine(48_000, 48_000, 19_000, 0.5, channels: 1), 1, 48_000, 44_100, chunk: 4096);
        var (amplitude, _) = FitSine(output.AsSpan(4_000, 30_000), 44_100, 19_000, 4_000);
        Assert.InRange(amplitude, 0.49, 0.51);
    }

    [Fact]
    public void Chunk_size_does_not_change_the_result()
    {
        var input = Sine(10_000, 44_100, 1234, 0.7, channels: 2);
        var whole = Convert(input, 2, 44_100, 48_000, chunk: 10_000);
        var pieces = Convert(input, 2, 44_100, 48_000, chunk: 3);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Channels_stay_separate()
    {
        var input = new float[2 * 8_000];
        for (var i = 0; i < 8_000; i++) input[2 * i] = (float)(0.5 * Math.Sin(2 * Math.PI * 500 * i / 44_100.0));
        var output = Convert(input, 2, 44_100, 48_000, chunk: 512);
        Assert.All(Enumerable.Range(0, output.Length / 2), i => Assert.Equal(0f, output[2 * i + 1]));
        Assert.True(output.Where((_, i) => i % 2 == 0).Max() > 0.49f);
    }

    [Fact]
    public void Odd_rate_pairs_use_interpolated_phases_and_still_convert_cleanly()
    {
        // 48000 -> 48001 reduces to L = 48001 phases, more than the table holds.
        var output = Convert(Sine(48_000, 48_000, 1000, 0.5, channels: 1), 1, 48_000, 48_001, chunk: 4096);
        var (amplitude, residualDb) = FitSine(output.AsSpan(4_000, 40_000), 48_001, 1000, 4_000);
        Assert.InRange(amplitude, 0.4995, 0.5005);
        Assert.True(residualDb < -90, $"residual {residualDb:F1} dB");
    }

    internal static float[] Sine(int frames, int rate, double hz, double amplitude, int channels)
    {
        var data = new float[frames * channels];
        for (var i = 0; i < frames; i++)
            for (var c = 0; c < channels; c++)
                data[i * channels + c] = (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / rate));
        return data;
    }

    private static float[] Convert(float[] input, int channels, int inRate, int outRate, int chunk)
    {
        var resampler = new Resampler(channels, inRate, outRate);
        var result = new List<float>();
        var buffer = new float[resampler.MaxOutputFrames(chunk) * channels];
        for (var offset = 0; offset < input.Length; offset += chunk * channels)
        {
            var n = Math.Min(chunk * channels, input.Length - offset);
            var written = resampler.Process(input.AsSpan(offset, n), buffer);
            result.AddRange(buffer.AsSpan(0, written * channels));
        }
        int tail;
        while ((tail = resampler.Flush(buffer)) > 0) result.AddRange(buffer.AsSpan(0, tail * channels));
        return [.. result];
    }

    /// <summary>Least-squares fit of a sine at <paramref name="hz"/>; returns its amplitude and the residual's level relative to it.</summary>
    private static (double Amplitude, double ResidualDb) FitSine(ReadOnlySpan<float> x, int rate, double hz, int firstFrame)
    {
        double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var w = 2 * Math.PI * hz * (firstFrame + i) / rate;
            double s = Math.Sin(w), c = Math.Cos(w);
            ss += s * s; sc += s * c; cc += c * c; xs += x[i] * s; xc += x[i] * c;
        }
        var det = ss * cc - sc * sc;
        var a = (xs * cc - xc * sc) / det;
        var b = (xc * ss - xs * sc) / det;
        double residual = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var w = 2 * Math.PI * hz * (firstFrame + i) / rate;
            var e = x[i] - (a * Math.Sin(w) + b * Math.Cos(w));
            residual += e * e;
        }
        var amplitude = Math.Sqrt(a * a + b * b);
        var residualRms = Math.Sqrt(residual / x.Length);
        return (amplitude, 20 * Math.Log10(residualRms / (amplitude / Math.Sqrt(2))));
    }
}
