namespace AudioLab.Core.Dsp;

/// <summary>Conversions between decibels and linear amplitude. Silence is <see cref="double.NegativeInfinity"/> dB.</summary>
public static class Decibels
{
    /// <summary>Anything at or below this is treated as silence (gain 0) so "-inf" sliders mean true silence.</summary>
    public const double SilenceDb = -144.0;

    /// <summary>Linear amplitude for <paramref name="db"/> decibels; 0 at or below <see cref="SilenceDb"/>.</summary>
    public static double ToGain(double db) => db <= SilenceDb ? 0.0 : Math.Pow(10.0, db / 20.0);

    /// <summary>Decibels for a linear amplitude; negative infinity for 0.</summary>
    public static double FromGain(double gain) => gain <= 0.0 ? double.NegativeInfinity : 20.0 * Math.Log10(gain);
}
