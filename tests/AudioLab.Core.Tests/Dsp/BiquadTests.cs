using AudioLab.Core.Dsp;

namespace AudioLab.Core.Tests.Dsp;

public class BiquadTests
{
    private const double Fs = 48000;

    private static double Db(BiquadCoefficients c, double f) => 20 * Math.Log10(c.MagnitudeAt(f, Fs));

    [Theory]
    [InlineData(1000, 6, 1)]
    [InlineData(250, -9, 2)]
    [InlineData(8000, 12, 0.5)]
    public void Peaking_has_its_gain_at_the_centre_and_none_far_away(double f0, double gain, double q)
    {
        var c = BiquadCoefficients.Create(BiquadType.Peaking, Fs, f0, q, gain);
        Assert.Equal(gain, Db(c, f0), 6);
        Assert.Equal(0, Db(c, 5), 1);
    }

    [Fact]
    public void Low_pass_and_high_pass_are_minus_3_dB_at_cutoff()
    {
        var lp = BiquadCoefficients.Create(BiquadType.LowPass, Fs, 2000, Math.Sqrt(0.5));
        var hp = BiquadCoefficients.Create(BiquadType.HighPass, Fs, 2000, Math.Sqrt(0.5));
        Assert.Equal(-3.0103, Db(lp, 2000), 3);
        Assert.Equal(-3.0103, Db(hp, 2000), 3);
        Assert.Equal(0, Db(lp, 20), 2);
        Assert.Equal(0, Db(hp, 20000), 1);
        // 12 dB/octave skirt: two octaves above the cutoff a 2nd-order low-pass is about -24 dB.
        Assert.InRange(Db(lp, 8000), -26, -22);
    }

    [Fact]
    public void Shelves_reach_their_gain_and_half_of_it_at_the_corner()
    {
        var low = BiquadCoefficients.Create(BiquadType.LowShelf, Fs, 200, Math.Sqrt(0.5), 6);
        var high = BiquadCoefficients.Create(BiquadType.HighShelf, Fs, 4000, Math.Sqrt(0.5), -8);
        Assert.Equal(6, Db(low, 5), 2);
        Assert.Equal(0, Db(low, 15000), 2);
        Assert.Equal(3, Db(low, 200), 6);
        Assert.Equal(-8, Db(high, 23000), 1);
        Assert.Equal(0, Db(high, 20), 2);
        Assert.Equal(-4, Db(high, 4000), 6);
    }

    [Fact]
    public void Filtering_a_sine_matches_the_analytic_response()
    {
        var c = BiquadCoefficients.Create(BiquadType.Peaking, Fs, 1000, 1, 6);
        var f = new Biquad(c);
        var x = new float[48000];
        for (var i = 0; i < x.Length; i++) x[i] = (float)(0.25 * Math.Sin(2 * Math.PI * 1000 * i / Fs));
        f.Process(x);
        var peak = x.AsSpan(24000).ToArray().Max(v => Math.Abs(v));
        Assert.Equal(0.25 * Math.Pow(10, 6 / 20.0), peak, 3);
    }

    [Fact]
    public void Processing_a_pair_equals_processing_each_channel()
    {
        var c1 = BiquadCoefficients.Create(BiquadType.LowShelf, Fs, 300, 0.7, 5);
        var c2 = BiquadCoefficients.Create(BiquadType.HighPass, Fs, 90, 0.7);
        var rng = new Random(5);
        var x = Enumerable.Range(0, 1000).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var y = Enumerable.Range(0, 1000).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        float[] x1 = (float[])x.Clone(), y1 = (float[])y.Clone();
        Biquad a = new(c1), b = new(c2), a2 = new(c1), b2 = new(c2);
        a.Process(x1);
        b.Process(y1);
        Biquad.ProcessPair(ref a2, x, ref b2, y);
        Assert.Equal(x1, x);
        Assert.Equal(y1, y);
    }

    [Fact]
    public void Cascade_of_two_equals_two_passes_bit_for_bit_across_blocks()
    {
        var c1 = BiquadCoefficients.Create(BiquadType.HighPass, Fs, 60, 0.7071);
        var c2 = BiquadCoefficients.Create(BiquadType.Peaking, Fs, 2500, 1, 2);
        var c3 = BiquadCoefficients.Create(BiquadType.LowShelf, Fs, 200, 0.7071, -4);
        var rng = new Random(6);
        var x = Enumerable.Range(0, 3000).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var y = Enumerable.Range(0, 3000).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        float[] x1 = (float[])x.Clone(), y1 = (float[])y.Clone();
        Biquad a1 = new(c1), a2 = new(c2), b1 = new(c3), b2 = new(c1);
        Biquad p1 = new(c1), p2 = new(c2), q1 = new(c3), q2 = new(c1);
        // Uneven blocks, so the state hand-over between calls is covered too.
        foreach (var (from, count) in new[] { (0, 1000), (1000, 7), (1007, 1993) })
        {
            Biquad.ProcessPair(ref a1, x1.AsSpan(from, count), ref b1, y1.AsSpan(from, count));
            Biquad.ProcessPair(ref a2, x1.AsSpan(from, count), ref b2, y1.AsSpan(from, count));
            Biquad.ProcessPairCascade(ref p1, ref p2, x.AsSpan(from, count), ref q1, ref q2, y.AsSpan(from, count));
        }
        Assert.Equal(x1, x);
        Assert.Equal(y1, y);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BiquadCoefficients.Create(BiquadType.LowPass, Fs, 30000, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BiquadCoefficients.Create(BiquadType.LowPass, Fs, 1000, 0));
    }
}
