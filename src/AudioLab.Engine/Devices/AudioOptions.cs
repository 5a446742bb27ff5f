namespace AudioLab.Engine.Devices;

/// <summary>
/// The <c>Audio</c> configuration section (<c>Audio__Backend</c>, <c>Audio__BufferFrames</c>, <c>Audio__Virtual__*</c>).
/// A plain POCO: the server binds it from configuration, the engine does not reference the configuration packages.
/// </summary>
public sealed class AudioOptions
{
    public const string SectionName = "Audio";

    /// <summary><c>virtual</c> or <c>portaudio</c>.</summary>
    public string Backend { get; set; } = "virtual";

    /// <summary>Frames per period.</summary>
    public int BufferFrames { get; set; } = 128;

    public int SampleRate { get; set; } = 48_000;

    /// <summary>Device id to open with a non-virtual backend; empty for the backend's default device.</summary>
    public string? Device { get; set; }

    /// <summary>JACK client name PortAudio registers (its ports become NAME:in_0, NAME:out_0, ...).</summary>
    public string JackClientName { get; set; } = "AudioLab";

    public VirtualAudioOptions Virtual { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        if (BufferFrames is < 16 or > 8192)
            throw new ArgumentException($"Audio:BufferFrames must be between 16 and 8192 (got {BufferFrames}).");
        if (SampleRate is < 8_000 or > 384_000)
            throw new ArgumentException($"Audio:SampleRate must be between 8000 and 384000 (got {SampleRate}).");
        if (!string.Equals(Backend, "virtual", StringComparison.OrdinalIgnoreCase) && !string.Equals(Backend, "portaudio", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Audio:Backend must be 'virtual' or 'portaudio' (got '{Backend}').");
    }
}
