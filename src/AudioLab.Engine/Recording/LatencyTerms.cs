namespace AudioLab.Engine.Recording;

/// <summary>
/// The latency terms a take was placed with, stored with its clip so it can be re-aligned after a later calibration.
/// Input was performed while the performer heard the output of <see cref="RoundTripFrames"/> frames earlier.
/// </summary>
/// <param name="InputFrames">Device-reported input latency.</param>
/// <param name="OutputFrames">Device-reported output latency.</param>
/// <param name="CalibrationFrames">Measured correction per device and buffer size (may be negative when the device over-reports).</param>
public readonly record struct LatencyTerms(int InputFrames, int OutputFrames, int CalibrationFrames)
{
    /// <summary>Frames between the performer hearing a frame and that performance reaching the engine's input.</summary>
    public long RoundTripFrames => (long)InputFrames + OutputFrames + CalibrationFrames;
}
