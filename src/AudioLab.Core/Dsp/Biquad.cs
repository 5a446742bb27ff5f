using System.Runtime.Intrinsics;

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
    /// <paramref name="y"/>) in one loop, the two channels in two lanes of a vector: the same arithmetic, in the same
    /// order, as two <see cref="ProcessPair"/> calls, so the output is bit-identical (tested), but the two stages overlap in
    /// the CPU and each vector operation serves both channels (about 2.5x faster than two passes). Audio thread; never allocates.
    /// </summary>
    public static void ProcessPairCascade(ref Biquad a1, ref Biquad a2, Span<float> x, ref Biquad b1, ref Biquad b2, Span<float> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Both channels must have the same length.", nameof(y));
        // Lane 0 = channel x, lane 1 = channel y (lanes 2-3 idle): one vector operation advances both channels, with
        // exactly the per-lane arithmetic of ProcessPair (FusedMultiplyAdd is fused per lane, like MathF's).
        var pb0 = Vector128.Create(a1._b0, b1._b0, 0, 0);
        var pb1 = Vector128.Create(a1._b1, b1._b1, 0, 0);
        var pb2 = Vector128.Create(a1._b2, b1._b2, 0, 0);
        var pa1 = Vector128.Create(-a1._a1, -b1._a1, 0, 0);
        var pa2 = Vector128.Create(-a1._a2, -b1._a2, 0, 0);
        var pz1 = Vector128.Create(a1._z1, b1._z1, 0, 0);
        var pz2 = Vector128.Create(a1._z2, b1._z2, 0, 0);
        var qb0 = Vector128.Create(a2._b0, b2._b0, 0, 0);
        var qb1 = Vector128.Create(a2._b1, b2._b1, 0, 0);
        var qb2 = Vector128.Create(a2._b2, b2._b2, 0, 0);
        var qa1 = Vector128.Create(-a2._a1, -b2._a1, 0, 0);
        var qa2 = Vector128.Create(-a2._a2, -b2._a2, 0, 0);
        var qz1 = Vector128.Create(a2._z1, b2._z1, 0, 0);
        var qz2 = Vector128.Create(a2._z2, b2._z2, 0, 0);
        for (var i = 0; i < x.Length; i++)
        {
            var input = Vector128.Create(x[i], y[i], 0, 0);
            var mid = pb0 * input + pz1;
            pz1 = Vector128.FusedMultiplyAdd(pa1, mid, pb1 * input + pz2);
            pz2 = Vector128.FusedMultiplyAdd(pa2, mid, pb2 * input);
            var output = qb0 * mid + qz1;
            qz1 = Vector128.FusedMultiplyAdd(qa1, output, qb1 * mid + qz2);
            qz2 = Vector128.FusedMultiplyAdd(qa2, output, qb2 * mid);
            x[i] = output.GetElement(0);
            y[i] = output.GetElement(1);
        }
        a1._z1 = Flush(pz1.GetElement(0));
        a1._z2 = Flush(pz2.GetElement(0));
        b1._z1 = Flush(pz1.GetElement(1));
        b1._z2 = Flush(pz2.GetElement(1));
        a2._z1 = Flush(qz1.GetElement(0));
        a2._z2 = Flush(qz2.GetElement(0));
        b2._z1 = Flush(qz1.GetElement(1));
        b2._z2 = Flush(qz2.GetElement(1));
    }

    private static float Flush(float z) => MathF.Abs(z) < 1e-20f ? 0 : z;
}
