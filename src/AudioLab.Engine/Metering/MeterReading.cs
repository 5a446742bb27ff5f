namespace AudioLab.Engine.Metering;

/// <summary>
/// One meter's state as published: levels in dBFS (floored at -144, never -infinity, so JSON can carry them).
/// RMS is the plain mathematical RMS (a full-scale sine reads -3.01 dBFS), not the AES17 "+3 dB" convention.
/// </summary>
/// <param name="PeakDb">Decaying peak (falls back at <see cref="MeterOptions.PeakFallDbPerSecond"/>).</param>
/// <param name="RmsDb">RMS over an exponential window of <see cref="MeterOptions.RmsWindowSeconds"/>.</param>
/// <param name="PeakHoldDb">Highest peak of the last <see cref="MeterOptions.PeakHoldSeconds"/>.</param>
/// <param name="Clipped">Latched since the last reset: a sample reached full scale (|x| ≥ 1.0).</param>
/// <param name="ClipCount">Samples at or above full scale since the last reset.</param>
public readonly record struct MeterReading(double PeakDb, double RmsDb, double PeakHoldDb, bool Clipped, long ClipCount)
{
    /// <summary>The reading of a meter that has seen only silence.</summary>
    public static MeterReading Silent { get; } = new(MeterOptions.FloorDb, MeterOptions.FloorDb, MeterOptions.FloorDb, false, 0);
}
