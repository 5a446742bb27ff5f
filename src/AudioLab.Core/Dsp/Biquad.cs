namespace AudioLab.Core.Dsp;

/// <summary>
/// One channel of a biquad filter in transposed direct form II (two state variables, good float behaviour).
/// The feedback terms use fused multiply-adds ordered so the loop-carried chain per sample is one add and one FMA
/// (about 7 cycles instead of 12 for the textbook mul/sub/add order); <see cref="MathF.FusedMultiplyAdd"/> is correctly
/// rounded on every machine (in hardware or software), so results do not depend on the CPU.
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
        float b0 = _b0, b1 = _b1, b2 = _b2, a1 = -_a1, a2 = -_a2, z1 = _z1, z2 = _z2;
        for (var i = 0; i < samples.Length; i++)
        {
            var x = samples[i];
            var y = b0 * x + z1;
            z1 = MathF.FusedMultiplyAdd(a1, y, b1 * x + z2);
            z2 = MathF.FusedMultiplyAdd(a2, y, b2 * x);
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
        float ab0 = a._b0, ab1 = a._b1, ab2 = a._b2, aa1 = -a._a1, aa2 = -a._a2, az1 = a._z1, az2 = a._z2;
        float bb0 = b._b0, bb1 = b._b1, bb2 = b._b2, ba1 = -b._a1, ba2 = -b._a2, bz1 = b._z1, bz2 = b._z2;
        for (var i = 0; i < x.Length; i++)
        {
            var xa = x[i];
            var xb = y[i];
            var ya = ab0 * xa + az1;
            var yb = bb0 * xb + bz1;
            az1 = MathF.FusedMultiplyAdd(aa1, ya, ab1 * xa + az2);
            bz1 = MathF.FusedMultiplyAdd(ba1, yb, bb1 * xb + bz2);
            az2 = MathF.FusedMultiplyAdd(aa2, ya, ab2 * xa);
            bz2 = MathF.FusedMultiplyAdd(ba2, yb, bb2 * xb);
            x[i] = ya;
            y[i] = yb;
        }
        a._z1 = MathF.Abs(az1) < 1e-20f ? 0 : az1;
        a._z2 = MathF.Abs(az2) < 1e-20f ? 0 : az2;
        b._z1 = MathF.Abs(bz1) < 1e-20f ? 0 : bz1;
        b._z2 = MathF.Abs(bz2) < 1e-20f ? 0 : bz2;
    }

    /// <summary>
    /// Two filters in series on each of two channels (a1 then a2 on <paramref name="x"/>, b1 then b2 on
    /// <paramref name="y"/>) in one loop: the same arithmetic, in the same order, as two <see cref="ProcessPair"/> calls, so
    /// the output is bit-identical, but the four recursions overlap in the CPU instead of running as two latency-bound
    /// passes (about twice as fast). Audio thread; never allocates.
    /// </summary>
    public static void ProcessPairCascade(ref Biquad a1, ref Biquad a2, Span<float> x, ref Biquad b1, ref Biquad b2, Span<float> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Both channels must have the same length.", nameof(y));
        float pb0 = a1._b0, pb1 = a1._b1, pb2 = a1._b2, pa1 = -a1._a1, pa2 = -a1._a2, pz1 = a1._z1, pz2 = a1._z2;
        float qb0 = a2._b0, qb1 = a2._b1, qb2 = a2._b2, qa1 = -a2._a1, qa2 = -a2._a2, qz1 = a2._z1, qz2 = a2._z2;
        float rb0 = b1._b0, rb1 = b1._b1, rb2 = b1._b2, ra1 = -b1._a1, ra2 = -b1._a2, rz1 = b1._z1, rz2 = b1._z2;
        float sb0 = b2._b0, sb1 = b2._b1, sb2 = b2._b2, sa1 = -b2._a1, sa2 = -b2._a2, sz1 = b2._z1, sz2 = b2._z2;
        for (var i = 0; i < x.Length; i++)
        {
            var xa = x[i];
            var xb = y[i];
            var ya = pb0 * xa + pz1;
            var yb = rb0 * xb + rz1;
            pz1 = MathF.FusedMultiplyAdd(pa1, ya, pb1 * xa + pz2);
            rz1 = MathF.FusedMultiplyAdd(ra1, yb, rb1 * xb + rz2);
            pz2 = MathF.FusedMultiplyAdd(pa2, ya, pb2 * xa);
            rz2 = MathF.FusedMultiplyAdd(ra2, yb, rb2 * xb);
            var wa = qb0 * ya + qz1;
            var wb = sb0 * yb + sz1;
            qz1 = MathF.FusedMultiplyAdd(qa1, wa, qb1 * ya + qz2);
            sz1 = MathF.FusedMultiplyAdd(sa1, wb, sb1 * yb + sz2);
            qz2 = MathF.FusedMultiplyAdd(qa2, wa, qb2 * ya);
            sz2 = MathF.FusedMultiplyAdd(sa2, wb, sb2 * yb);
            x[i] = wa;
            y[i] = wb;
        }
        a1._z1 = MathF.Abs(pz1) < 1e-20f ? 0 : pz1;
        a1._z2 = MathF.Abs(pz2) < 1e-20f ? 0 : pz2;
        a2._z1 = MathF.Abs(qz1) < 1e-20f ? 0 : qz1;
        a2._z2 = MathF.Abs(qz2) < 1e-20f ? 0 : qz2;
        b1._z1 = MathF.Abs(rz1) < 1e-20f ? 0 : rz1;
        b1._z2 = MathF.Abs(rz2) < 1e-20f ? 0 : rz2;
        b2._z1 = MathF.Abs(sz1) < 1e-20f ? 0 : sz1;
        b2._z2 = MathF.Abs(sz2) < 1e-20f ? 0 : sz2;
    }
}
