namespace AudioLab.Core.Dsp;

/// <summary>
/// One channel of a biquad filter in transposed direct form II (two state variables, good float behaviour).
/// A mutable struct held in an array by its owner; coefficients can change between blocks without
/// resetting the state, so parameter changes do not click. Never allocates.
/// </summary>
public struct Biquad
{
    private float _b0, _b1, _b2, _a1, _a2;
    private float _z1, _z2;

    public Biquad(BiquadCoefficients c) => SetCoefficients(c);

    public void SetCoefficients(BiquadCoefficients c)
    {
        _b0 = (float)c.B0;
        _b1 = (float)c.B1;
        _b2 = (float)c.B2;
        _a1 = (float)c.A1;
        _a2 = (float)c.A2;
    }

    public void Reset() => _z1 = _z2 = 0;

    /// <summary>Filters <paramref name="samples"/> in place. Audio thread; never allocates.</summary>
    public void Process(Span<float> samples)
    {
        float b0 = _b0, b1 = _b1, b2 = _b2, a1 = _a1, a2 = _a2, z1 = _z1, z2 = _z2;
        for (var i = 0; i < samples.Length; i++)
        {
            var x = samples[i];
            var y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            samples[i] = y;
        }
        // Flush denormals: a decaying tail otherwise slows the CPU by orders of magnitude.
        _z1 = MathF.Abs(z1) < 1e-20f ? 0 : z1;
        _z2 = MathF.Abs(z2) < 1e-20f ? 0 : z2;
    }

    /// <summary>
    /// Filters two channels with two filters in one loop: the two recursions are independent, so the CPU overlaps them
    /// (about twice the speed of two <see cref="Process(Span{float})"/> calls). Audio thread; never allocates.
    /// </summary>
    public static void ProcessPair(ref Biquad a, Span<float> x, ref Biquad b, Span<float> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Both channels must have the same length.", nameof(y));
        float ab0 = a._b0, ab1 = a._b1, ab2 = a._b2, aa1 = a._a1, aa2 = a._a2, az1 = a._z1, az2 = a._z2;
        float bb0 = b._b0, bb1 = b._b1, bb2 = b._b2, ba1 = b._a1, ba2 = b._a2, bz1 = b._z1, bz2 = b._z2;
        for (var i = 0; i < x.Length; i++)
        {
            var xa = x[i];
            var xb = y[i];
            var ya = ab0 * xa + az1;
            var yb = bb0 * xb + bz1;
            az1 = ab1 * xa - aa1 * ya + az2;
            bz1 = bb1 * xb - ba1 * yb + bz2;
            az2 = ab2 * xa - aa2 * ya;
            bz2 = bb2 * xb - ba2 * yb;
            x[i] = ya;
            y[i] = yb;
        }
        a._z1 = MathF.Abs(az1) < 1e-20f ? 0 : az1;
        a._z2 = MathF.Abs(az2) < 1e-20f ? 0 : az2;
        b._z1 = MathF.Abs(bz1) < 1e-20f ? 0 : bz1;
        b._z2 = MathF.Abs(bz2) < 1e-20f ? 0 : bz2;
    }
}
