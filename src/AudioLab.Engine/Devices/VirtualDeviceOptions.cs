namespace AudioLab.Engine.Devices;

/// <summary>Configuration of a <see cref="VirtualDevice"/>.</summary>
public sealed record VirtualDeviceOptions
{
    public VirtualInputKind Input { get; init; } = VirtualInputKind.Silence;

    /// <summary>WAV file played as input when <see cref="Input"/> is <see cref="VirtualInputKind.File"/>; its rate must equal the stream's.</summary>
    public string? InputFile { get; init; }

    /// <summary>Restart the input file at its end (otherwise silence follows it).</summary>
    public bool LoopInputFile { get; init; } = true;

    public double SineHz { get; init; } = 440.0;

    /// <summary>Linear peak level of the sine input (0.5 is about -6 dBFS).</summary>
    public float SineLevel { get; init; } = 0.5f;

    /// <summary>
    /// Simulated round trip in loopback mode: output written at device frame f is read as input at frame f + LatencyFrames.
    /// Must be at least the buffer size, since a period's input exists before its output is computed.
    /// </summary>
    public int LatencyFrames { get; init; } = 256;

    /// <summary>When set, everything the device plays is also written to this WAV file (32-bit float, overwritten).</summary>
    public string? OutputPath { get; init; }

    public VirtualClockMode Clock { get; init; } = VirtualClockMode.RealTime;

    public int InputChannels { get; init; } = 2;

    public int OutputChannels { get; init; } = 2;

    /// <summary>Rate reported as the device's default; the stream runs at whatever <see cref="IAudioDevice.Start"/> asks for.</summary>
    public int DefaultSampleRate { get; init; } = 48_000;

    /// <summary>Id in the device catalog; distinct ids let a test run several virtual devices.</summary>
    public string Id { get; init; } = VirtualDevice.DefaultId;
}
