using System.Runtime.Intrinsics;
using AudioLab.Core.Dsp;

namespace AudioLab.Core.Tests.Dsp;

public class FastMathTests
{
    // Geometric sweep with a odd step so mantissas are well spread (every octave gets thousands of points).
    private static IEnumerable<float> Sweep(double from, double to, int count)
    {
        var ratio = Math.Pow(to / from, 1.0 / (count - 1));
        var x = from;
        for (var i = 0; i < count; i++, x *= ratio) yield return (float)x;
    }

    private static float[] Apply(Func<Vector256<float>, Vector256<float>> f, float[] input)
    {
        var output = new float[input.Length];
        for (var i = 0; i + 8 <= input.Length; i += 8) f(Vector256.Create(input.AsSpan(i, 8))).CopyTo(output.AsSpan(i, 8));
        return output;
    }

    [Fact]
    public void Log2_is_within_its_documented_error()
    {
        var x = Sweep(1e-7, 1e6, 400_000).ToArray();
        var y = Apply(FastMath.Log2, x);
        var worst = x.Select((v, i) => Math.Abs(y[i] - Math.Log2(v))).Max();
        Assert.True(worst <= 1.2e-6, $"max |error| {worst:E2}"); // half an ulp of 20 is 9.5e-7: the float sum dominates
        TestContext.Current.SendDiagnosticMessage($"log2 max abs error {worst:E2}");
        // Powers of two and 1 are exact, so a level at 0 dBFS reads exactly 0 dB.
        Assert.Equal([0f, 1f, -10f, 5f], Apply(FastMath.Log2, [1f, 2f, 1f / 1024, 32f, 1f, 1f, 1f, 1f])[..4]);
    }

    [Fact]
    public void Exp2_is_within_its_documented_error_and_clamps()
    {
        var x = Enumerable.Range(0, 400_000).Select(i => (float)(-125 + 250.0 * i / 399_999)).ToArray();
        var y = Apply(FastMath.Exp2, x);
        var worst = x.Select((v, i) => Math.Abs(y[i] / Math.Pow(2, v) - 1)).Max();
        Assert.True(worst <= 1.5e-7, $"max relative error {worst:E2}");
        TestContext.Current.SendDiagnosticMessage($"exp2 max rel error {worst:E2}");
        var clamped = Apply(FastMath.Exp2, [-1000f, 1000f, 0f, 1f, -1f, 3f, 0.5f, -0.5f]);
        Assert.Equal(MathF.ScaleB(1, -125), clamped[0]);
        Assert.Equal(MathF.ScaleB(1, 125), clamped[1]);
        Assert.Equal([1f, 2f, 0.5f, 8f], clamped[2..6]);
    }
}
