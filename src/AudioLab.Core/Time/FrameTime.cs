namespace AudioLab.Core.Time;

/// <summary>
/// Conversions between integer sample frames (the engine's only unit of time) and seconds, used at the
/// API edge. Seconds round to the nearest frame so a value printed and read back lands on the same frame.
/// </summary>
public static class FrameTime
{
    public const int DefaultSampleRate = 48_000;

    public static double ToSeconds(long frames, int sampleRate) => (double)frames / sampleRate;

    /// <summary>Nearest frame; throws for NaN or infinity, which must be rejected before reaching here.</summary>
    public static long FromSeconds(double seconds, int sampleRate)
    {
        if (!double.IsFinite(seconds)) throw new ArgumentOutOfRangeException(nameof(seconds), "Time must be a finite number.");
        return (long)Math.Round(seconds * sampleRate, MidpointRounding.AwayFromZero);
    }
}
