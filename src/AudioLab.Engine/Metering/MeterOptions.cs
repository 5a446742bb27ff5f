namespace AudioLab.Engine.Metering;

/// <summary>Meter ballistics. The defaults follow common DAW meters (fast attack, ~20 dB/s fall, 2 s hold, 300 ms RMS).</summary>
public sealed record MeterOptions
{
    /// <summary>The lowest level reported; silence reads this instead of -infinity.</summary>
    public const double FloorDb = -144.0;

    public double PeakFallDbPerSecond { get; init; } = 20.0;

    public double PeakHoldSeconds { get; init; } = 2.0;

    /// <summary>Time constant of the exponential RMS window.</summary>
    public double RmsWindowSeconds { get; init; } = 0.3;

    public static MeterOptions Default { get; } = new();
}
