namespace AudioLab.Engine.Transport;

/// <summary>
/// Equal-power crossfade gains: fade-in sin(x·π/2), fade-out cos(x·π/2), so in² + out² = 1 at every frame and
/// uncorrelated material keeps its loudness through the fade. Frame k of an n-frame fade sits at
/// x = (k + 0.5) / n, symmetric, so neither end frame is a pure copy of one side.
/// </summary>
public static class EqualPowerCrossfade
{
    public const double DefaultMilliseconds = 10;

    /// <summary>Fade length in frames for a duration (default 10 ms = 480 frames at 48 kHz); at least 1.</summary>
    public static int LengthInFrames(int sampleRate, double milliseconds = DefaultMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (!double.IsFinite(milliseconds) || milliseconds < 0)
            throw new ArgumentOutOfRangeException(nameof(milliseconds), "Crossfade length must be a finite, non-negative number of milliseconds.");
        return Math.Max(1, (int)Math.Round(milliseconds * sampleRate / 1000.0, MidpointRounding.AwayFromZero));
    }

    /// <summary>Gain of the incoming signal at frame <paramref name="index"/> of a <paramref name="length"/>-frame fade. Audio thread; never allocates.</summary>
    public static float FadeIn(int index, int length) => (float)Math.Sin(Position(index, length) * (Math.PI / 2));

    /// <summary>Gain of the outgoing signal at frame <paramref name="index"/> of a <paramref name="length"/>-frame fade. Audio thread; never allocates.</summary>
    public static float FadeOut(int index, int length) => (float)Math.Cos(Position(index, length) * (Math.PI / 2));

    private static double Position(int index, int length) =>
        length <= 0 ? 1.0 : Math.Clamp((index + 0.5) / length, 0.0, 1.0);
}
