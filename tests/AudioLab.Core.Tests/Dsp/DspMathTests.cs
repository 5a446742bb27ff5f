using AudioLab.Core.Dsp;

namespace AudioLab.Core.Tests.Dsp;

public class DspMathTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(-6.0206, 0.5)]
    [InlineData(20, 10.0)]
    [InlineData(-200, 0.0)]
    public void Decibels_to_gain(double db, double gain) => Assert.Equal(gain, Decibels.ToGain(db), 4);

    [Fact]
    public void Decibels_round_trip_and_silence()
    {
        Assert.Equal(-12.5, Decibels.FromGain(Decibels.ToGain(-12.5)), 9);
        Assert.Equal(double.NegativeInfinity, Decibels.FromGain(0));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-0.3)]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    public void Pan_law_keeps_constant_power(double pan)
    {
        var (l, r) = PanLaw.ConstantPower(pan);
        Assert.Equal(1.0, l * l + r * r, 12);
    }

    [Fact]
    public void Pan_law_centre_is_minus_3_dB_and_extremes_are_hard()
    {
        var (l, r) = PanLaw.ConstantPower(0);
        Assert.Equal(-3.0103, Decibels.FromGain(l), 3);
        Assert.Equal(l, r, 12);
        Assert.Equal((1.0, 0.0), Round(PanLaw.ConstantPower(-1)));
        Assert.Equal((0.0, 1.0), Round(PanLaw.ConstantPower(1)));
        Assert.Equal(PanLaw.ConstantPower(1), PanLaw.ConstantPower(5));
    }

    private static (double, double) Round((double L, double R) g) => (Math.Round(g.L, 12), Math.Round(g.R, 12));

    [Fact]
    public void Random_is_deterministic_per_seed_and_uniform()
    {
        var a = new FastRandom(42);
        var b = new FastRandom(42);
        var c = new FastRandom(43);
        var same = 0;
        double sum = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var x = a.NextFloat();
            Assert.Equal(x, b.NextFloat());
            if (x == c.NextFloat()) same++;
            Assert.InRange(x, 0f, 0.99999994f);
            sum += x;
        }
        Assert.True(same < 10);
        Assert.Equal(0.5, sum / 100_000, 2);
    }

    [Fact]
    public void Tpdf_dither_spans_plus_minus_one_lsb_with_triangular_density()
    {
        var d = new TpdfDither(16, 7);
        var lsb = 1.0 / 32768;
        Assert.Equal(lsb, d.Lsb, 12);
        int inner = 0, n = 200_000;
        double sum = 0, sumSq = 0;
        for (var i = 0; i < n; i++)
        {
            var v = d.Next() / lsb;
            Assert.InRange(v, -1.0, 1.0);
            sum += v;
            sumSq += v * v;
            if (Math.Abs(v) < 0.5) inner++;
        }
        Assert.Equal(0, sum / n, 2);
        // Triangular on (-1, 1): variance 1/6, and P(|v| < 0.5) = 0.75 (uniform would give 0.5).
        Assert.Equal(1.0 / 6, sumSq / n, 2);
        Assert.Equal(0.75, (double)inner / n, 2);
    }

    [Fact]
    public void Tpdf_dither_same_seed_same_noise()
    {
        var a = new TpdfDither(24, 99);
        var b = new TpdfDither(24, 99);
        float[] x = new float[1000], y = new float[1000];
        a.Apply(x);
        b.Apply(y);
        Assert.Equal(x, y);
        Assert.Contains(x, v => v != 0);
    }
}
