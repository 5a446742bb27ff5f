namespace AudioLab.Engine.Devices;

/// <summary>The <c>Audio:Virtual</c> configuration section (a plain POCO so the engine needs no configuration package).</summary>
public sealed class VirtualAudioOptions
{
    /// <summary><c>silence</c>, <c>sine</c>, <c>loopback</c>, or the path of a WAV file.</summary>
    public string Input { get; set; } = "silence";

    /// <summary>Simulated round trip for loopback input, in frames.</summary>
    public int LatencyFrames { get; set; } = 256;

    /// <summary>WAV file that receives everything the virtual device plays; empty for none.</summary>
    public string? Output { get; set; }

    public double SineHz { get; set; } = 440.0;

    public int InputChannels { get; set; } = 2;

    public int OutputChannels { get; set; } = 2;

    /// <summary>Translates the configuration into device options. Throws <see cref="ArgumentException"/> for a value that cannot work.</summary>
    public VirtualDeviceOptions ToDeviceOptions(int sampleRate, VirtualClockMode clock = VirtualClockMode.RealTime)
    {
        var input = (Input ?? "").Trim();
        var kind = input.ToUpperInvariant() switch
        {
            "" or "SILENCE" => VirtualInputKind.Silence,
            "SINE" => VirtualInputKind.Sine,
            "LOOPBACK" => VirtualInputKind.Loopback,
            _ => VirtualInputKind.File,
        };
        if (LatencyFrames < 0)
            throw new ArgumentException($"Audio:Virtual:LatencyFrames must be 0 or more (got {LatencyFrames}).");
        if (kind == VirtualInputKind.File && !File.Exists(input))
            throw new ArgumentException(
                $"Audio:Virtual:Input is '{input}', which is neither silence, sine, loopback nor an existing WAV file.");
        return new VirtualDeviceOptions
        {
            Input = kind,
            InputFile = kind == VirtualInputKind.File ? input : null,
            LatencyFrames = LatencyFrames,
            OutputPath = string.IsNullOrWhiteSpace(Output) ? null : Output,
            SineHz = SineHz,
            InputChannels = InputChannels,
            OutputChannels = OutputChannels,
            DefaultSampleRate = sampleRate,
            Clock = clock,
        };
    }
}
