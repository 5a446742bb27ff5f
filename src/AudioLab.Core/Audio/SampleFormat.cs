namespace AudioLab.Core.Audio;

/// <summary>How one sample is stored in a file.</summary>
public enum SampleFormat
{
    Pcm16,
    Pcm24,
    Pcm32,
    Float32,
    Float64,
}

public static class SampleFormatExtensions
{
    public static int BytesPerSample(this SampleFormat format) => format switch
    {
        SampleFormat.Pcm16 => 2,
        SampleFormat.Pcm24 => 3,
        SampleFormat.Pcm32 => 4,
        SampleFormat.Float32 => 4,
        SampleFormat.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static int BitsPerSample(this SampleFormat format) => format.BytesPerSample() * 8;

    public static bool IsFloat(this SampleFormat format) => format is SampleFormat.Float32 or SampleFormat.Float64;

    /// <summary>Parses the API's spelling: "16", "24", "32" (integer) or "32f".</summary>
    public static bool TryParseBitDepth(string? text, out SampleFormat format)
    {
        switch (text)
        {
            case "16": format = SampleFormat.Pcm16; return true;
            case "24": format = SampleFormat.Pcm24; return true;
            case "32": format = SampleFormat.Pcm32; return true;
            case "32f": format = SampleFormat.Float32; return true;
            default: format = default; return false;
        }
    }
}
