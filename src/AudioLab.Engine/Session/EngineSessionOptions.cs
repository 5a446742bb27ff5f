using AudioLab.Engine.Metering;

namespace AudioLab.Engine.Session;

/// <summary>How a live <see cref="EngineSession"/> runs.</summary>
public sealed record EngineSessionOptions
{
    public int SampleRate { get; init; } = 48_000;

    /// <summary>Frames per device period.</summary>
    public int BufferFrames { get; init; } = 128;

    /// <summary>Folder for take files and the capture log (the server passes its data folder's capture directory).</summary>
    public required string CaptureDirectory { get; init; }

    /// <summary>Measured round-trip correction for this device and buffer size, added to the reported latencies.</summary>
    public int CalibrationFrames { get; init; }

    /// <summary>Track meter slots (tracks beyond it are not metered).</summary>
    public int MaxTracks { get; init; } = 256;

    /// <summary>Command queue slots; a full queue is an error to the caller.</summary>
    public int CommandQueueCapacity { get; init; } = 256;

    /// <summary>Seconds of input each recording's ring holds before the disk writer must have drained it.</summary>
    public double RecordRingSeconds { get; init; } = 4;

    /// <summary>Longest wait for the disk butler after play or seek before rolling anyway (with underruns).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often open take files are flushed and fsync'd (at most a second).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Per-clip disk ring in frames (see <c>GraphBuildOptions.StreamBufferFrames</c>).</summary>
    public int StreamBufferFrames { get; init; } = 1 << 17;

    public MeterOptions Meters { get; init; } = MeterOptions.Default;
}
