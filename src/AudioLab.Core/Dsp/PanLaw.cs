namespace AudioLab.Core.Dsp;

/// <summary>
/// Constant-power (-3 dB) pan law: the position maps to an angle on a quarter circle, so
/// left² + right² = 1 everywhere and the centre sits at cos(π/4) = 0.7071 (-3.01 dB) on each side.
/// A stereo signal is panned as a balance: left channel times <c>Left</c>, right channel times <c>Right</c>.
/// </summary>
public static class PanLaw
{
    /// <summary>Channel gains for <paramref name="pan"/> in -1 (hard left) .. +1 (hard right); values outside are clamped.</summary>
    public static (double Left, double Right) ConstantPower(double pan)
    {
        var p = double.IsNaN(pan) ? 0.0 : Math.Clamp(pan, -1.0, 1.0);
        var theta = (p + 1.0) * Math.PI / 4.0;
        return (Math.Cos(theta), Math.Sin(theta));
    }
}
