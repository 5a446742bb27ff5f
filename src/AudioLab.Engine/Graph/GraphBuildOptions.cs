namespace AudioLab.Engine.Graph;

/// <summary>How <see cref="GraphBuilder"/> prepares a graph.</summary>
public sealed record GraphBuildOptions
{
    /// <summary>Largest block the graph will be asked to process.</summary>
    public int MaxBlockFrames { get; init; } = 1024;

    /// <summary>Per-clip disk ring length in frames (memory per clip = frames × 8 bytes). At least 2 × <see cref="MaxBlockFrames"/>.</summary>
    public int StreamBufferFrames { get; init; } = 1 << 17;

    /// <summary>Leave muted / un-soloed tracks out entirely (export: they cannot be heard, so reading them is waste).</summary>
    public bool SkipInaudibleTracks { get; init; }

    /// <summary>Live playback: 1024-frame blocks, ~2.7 s rings at 48 kHz, silent tracks kept running.</summary>
    public static GraphBuildOptions Playback { get; } = new();

    /// <summary>Offline export: rings of 32k frames (refilled synchronously), silent tracks skipped.</summary>
    public static GraphBuildOptions Export(int blockFrames) =>
        new() { MaxBlockFrames = blockFrames, StreamBufferFrames = Math.Max(1 << 15, 2 * blockFrames), SkipInaudibleTracks = true };
}
