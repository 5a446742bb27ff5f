using AudioLab.Core.Audio;

namespace AudioLab.Engine.Rendering;

/// <summary>What to export and how. Times are frames at the project rate.</summary>
public sealed record ExportOptions
{
    /// <summary>Seed used when none is given: the same project exports to the same bytes every time.</summary>
    public const ulong DefaultDitherSeed = 0x4175_6469_6F4C_6162; // "AudioLab"

    /// <summary>Target WAV file. Written to a hidden temporary file in the same folder and renamed at the end.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Pcm16, Pcm24 (default), Pcm32 or Float32 (the API's "16", "24", "32f").</summary>
    public SampleFormat Format { get; init; } = SampleFormat.Pcm24;

    /// <summary>Output rate; null or the project rate. Other rates are rejected until the resampler is wired in.</summary>
    public int? SampleRate { get; init; }

    /// <summary>First timeline frame (default 0).</summary>
    public long? StartFrame { get; init; }

    /// <summary>End timeline frame, exclusive (default: end of the last clip).</summary>
    public long? EndFrame { get; init; }

    /// <summary>Extra frames rendered after the end so reverb and delay tails ring out (default 0).</summary>
    public long TailFrames { get; init; }

    /// <summary>Scale the mix so its peak lands on <see cref="NormalizePeakDb"/> (two passes through a float temp file).</summary>
    public bool Normalize { get; init; }

    /// <summary>Peak target of <see cref="Normalize"/>, in dBFS.</summary>
    public double NormalizePeakDb { get; init; } = -1.0;

    /// <summary>Also write one file per audible track (post-fader, pre-master), named <c>{output}.stem-NN-{track}.wav</c>.</summary>
    public bool Stems { get; init; }

    /// <summary>TPDF-dither 16- and 24-bit output (default on). Ignored for float and 32-bit output, and for blocks of pure digital silence.</summary>
    public bool Dither { get; init; } = true;

    /// <summary>Dither seed; a fixed default makes re-exports byte-identical.</summary>
    public ulong DitherSeed { get; init; } = DefaultDitherSeed;

    /// <summary>Frames per rendered block.</summary>
    public int BlockFrames { get; init; } = 4096;

    /// <summary>Threads rendering track strips in parallel (results are identical for any value).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}
