using AudioLab.Engine.Model;

namespace AudioLab.Bench;

/// <summary>The benchmark's project: one track per WAV file, spread across the stereo field, each with a typical chain.</summary>
public static class BenchProject
{
    /// <summary>EQ (low cut + presence peak), compressor, and a tempo-synced delay: three effects per track.</summary>
    public static IReadOnlyList<EffectModel> TrackChain(bool withDelay) =>
    [
        new("eq", new Dictionary<string, double> { ["low_cut_hz"] = 60, ["peak2_hz"] = 2500, ["peak2_gain_db"] = 2 }),
        new("compressor", new Dictionary<string, double> { ["threshold_db"] = -24, ["ratio"] = 3 }),
        .. withDelay ? [new EffectModel("delay", new Dictionary<string, double> { ["note"] = 0.1875, ["feedback"] = 0.3, ["mix"] = 0.2 })] : Array.Empty<EffectModel>(),
    ];

    public static ProjectModel Create(IReadOnlyList<(string Path, long Frames, int Channels)> files, bool withDelay = true)
    {
        var tracks = files.Select((f, i) => new TrackModel(
            Guid.NewGuid(), i, Path.GetFileNameWithoutExtension(f.Path),
            VolumeDb: -20 * Math.Log10(files.Count) + 3, // roughly sox -m's 1/n scaling, so levels are comparable
            Pan: files.Count == 1 ? 0 : 2.0 * i / (files.Count - 1) - 1,
            Mute: false, Solo: false,
            Clips: [new ClipModel(Guid.NewGuid(), f.Path, f.Channels, 0, 0, f.Frames, 0, 480, 480)],
            Effects: TrackChain(withDelay))).ToList();
        return new ProjectModel(48000, 120, 4, 4, tracks,
            [new EffectModel("limiter", new Dictionary<string, double> { ["ceiling_db"] = -1 })]);
    }
}
