using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AudioLab.Core.Dsp;

/// <summary>
/// Vectorised base-2 logarithm and exponential for level detection and gain computers (8 floats per call).
/// <see cref="System.Numerics.Tensors.TensorPrimitives"/>' Log2/Exp compute float through double and cost ~2–3 ns per
/// sample here; these cost well under 0.5 ns. Both are pure element-wise functions made of plain IEEE operations, so the
/// same input gives the same bits whatever the block size or position (a tail padded into a vector included).
/// Measured error against double-precision references (<c>FastMathTests</c>): <see cref="Log2"/> within 1.1e-6 absolute over
/// [1e-7, 1e6] (MathF.Log2: 9.5e-7; both are the float rounding of the result), 1.4e-7 where |log2 x| &lt; 1; as a level
/// that is 6.4e-6 dB. <see cref="Exp2"/> within 9.2e-8 relative over [-125, 125] (8e-7 dB).
/// Never allocates.
/// </summary>
public static class FastMath
{
    private const float Sqrt2 = 1.41421356f;

    // 2/ln 2 · atanh(s) = log2((1+s)/(1-s)); odd series terms up to s^7. With |s| <= 3 - 2√2 ≈ 0.1716 the first omitted
    // term is below 5e-8.
    private const float L1 = 2.88539008f;  // 2/ln2
    private const float L3 = 0.961796694f; // 2/(3 ln2)
    private const float L5 = 0.577078016f; // 2/(5 ln2)
    private const float L7 = 0.412198583f; // 2/(7 ln2)

    // Taylor series of 2^f = e^(f ln2) for |f| <= 0.5; the first omitted term (degree 8) is below 6e-9.
    private const float E1 = 0.693147181f;
    private const float E2 = 0.240226507f;
    private const float E3 = 0.0555041087f;
    private const float E4 = 0.00961812911f;
    private const float E5 = 0.00133335581f;
    private const float E6 = 0.000154035304f;
    private const float E7 = 0.0000152527338f;

    /// <summary>log2(x) for positive, finite, normal x (callers floor their levels first). Never allocates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log2(Vector256<float> x)
    {
        var bits = x.AsInt32();
        var exponent = (bits >>> 23) - Vector256.Create(127);
        var mantissa = ((bits & Vector256.Create(0x007FFFFF)) | Vector256.Create(0x3F800000)).AsSingle(); // [1, 2)
        // Fold the mantissa into [√½, √2) so the series argument stays small.
        var big = Vector256.GreaterThan(mantissa, Vector256.Create(Sqrt2));
        mantissa = Vector256.ConditionalSelect(big, mantissa * 0.5f, mantissa);
        exponent -= big.AsInt32(); // the mask is -1 where folded
        var s = (mantissa - Vector256<float>.One) / (mantissa + Vector256<float>.One);
        var s2 = s * s;
        var series = s * (Vector256.Create(L1) + s2 * (Vector256.Create(L3) + s2 * (Vector256.Create(L5) + s2 * Vector256.Create(L7))));
        return Vector256.ConvertToSingle(exponent) + series;
    }

    /// <summary>2^x, with x clamped to [-125, 125] (so the result is always a normal float). Never allocates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp2(Vector256<float> x)
    {
        x = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(-125f)), Vector256.Create(125f));
        var k = Vector256.Round(x);
        var f = x - k; // [-0.5, 0.5]
        var p = Vector256<float>.One + f * (Vector256.Create(E1) + f * (Vector256.Create(E2) + f * (Vector256.Create(E3)
            + f * (Vector256.Create(E4) + f * (Vector256.Create(E5) + f * (Vector256.Create(E6) + f * Vector256.Create(E7)))))));
        // Multiply by 2^k by adding k to the exponent field (p is in [0.7, 1.42], so no overflow into the sign).
        return (p.AsInt32() + (Vector256.ConvertToInt32(k) << 23)).AsSingle();
    }
}
