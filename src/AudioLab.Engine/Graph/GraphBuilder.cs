using System.Globalization;
using AudioLab.Core.Audio;
using AudioLab.Engine.Effects;
using AudioLab.Engine.Model;
using AudioLab.Engine.Streaming;

namespace AudioLab.Engine.Graph;

/// <summary>
/// Turns a <see cref="ProjectModel"/> into a prepared <see cref="PlaybackGraph"/>. Control thread (probes files, allocates).
/// Effect chains are validated first and every problem is reported at once (<see cref="EffectValidationException"/>,
/// paths like <c>tracks[2].effects[0].parameters.ratio</c> and <c>master_effects[1].type</c>); disabled effects are left out.
/// </summary>
public sealed class GraphBuilder(EffectRegistry registry)
{
    public GraphBuilder() : this(EffectRegistry.Default) { }

    public EffectRegistry Registry { get; } = registry;

    /// <summary>
    /// Builds and prepares a graph. With <paramref name="previous"/> (the graph playing now), running state is adopted
    /// so a live swap is seamless; see <see cref="PlaybackGraph"/>.
    /// </summary>
    public PlaybackGraph Build(ProjectModel project, GraphBuildOptions options, PlaybackGraph? previous = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(options);
        if (project.SampleRate < 8000 || project.SampleRate > WavReader.MaxSampleRate)
            throw new GraphBuildException($"Sample rate {project.SampleRate} Hz is not supported.");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBlockFrames, 1);
        ValidateEffects(project);

        var context = new EffectContext(project.SampleRate, project.Tempo > 0 ? project.Tempo : 120);
        var anySolo = project.Tracks.Any(t => t.Solo);
        var previousTracks = previous?.Tracks.ToDictionary(t => t.Id) ?? [];
        var previousStreams = previous?.Tracks.SelectMany(t => t.Clips).ToDictionary(c => c.Clip.Id, c => c) ?? [];
        var probes = new Dictionary<string, WavInfo>(StringComparer.Ordinal);
        var streams = new List<ClipStream>();
        var adopted = new List<ClipStream>();
        var capacity = Math.Max(options.StreamBufferFrames, 2 * options.MaxBlockFrames);
        var strips = new List<TrackStrip>();

        foreach (var track in project.Tracks.OrderBy(t => t.Index))
        {
            var audible = !track.Mute && (!anySolo || track.Solo);
            if (!audible && options.SkipInaudibleTracks) continue;
            var clips = new List<ClipReader>();
            foreach (var clip in track.Clips)
            {
                if (clip.LengthFrames <= 0) continue;
                Probe(clip, project.SampleRate, probes);
                ClipStream stream;
                if (previousStreams.TryGetValue(clip.Id, out var old) && SameRegion(old.Clip, clip) && old.Stream.Capacity >= capacity)
                {
                    stream = old.Stream;
                    adopted.Add(stream);
                }
                else
                {
                    stream = new ClipStream(clip.AudioPath, clip.SourceOffsetFrames, clip.LengthFrames, capacity);
                }
                streams.Add(stream);
                clips.Add(new ClipReader(clip, stream));
            }
            var effects = CreateChain(track.Effects, context);
            var strip = new TrackStrip(track, [.. clips], effects, audible);
            if (previousTracks.TryGetValue(track.Id, out var oldStrip))
            {
                strip.AdoptState(oldStrip);
                AdoptChain(effects, oldStrip.Effects);
            }
            strip.Prepare(project.SampleRate, options.MaxBlockFrames);
            strips.Add(strip);
        }

        var master = new MasterBus(CreateChain(project.MasterEffects, context));
        if (previous is not null) master.AdoptState(previous.Master);
        master.Prepare(project.SampleRate, options.MaxBlockFrames);

        var graph = new PlaybackGraph(project.SampleRate, options.MaxBlockFrames, [.. strips], master, streams);
        foreach (var s in adopted) previous!.MarkAdopted(s);
        return graph;
    }

    private void ValidateEffects(ProjectModel project)
    {
        var errors = new List<EffectParameterError>();
        foreach (var (track, i) in project.Tracks.Select((t, i) => (t, i)))
            errors.AddRange(Registry.ValidateChain(track.Effects, string.Create(CultureInfo.InvariantCulture, $"tracks[{i}].effects")));
        errors.AddRange(Registry.ValidateChain(project.MasterEffects, "master_effects"));
        if (errors.Count > 0) throw new EffectValidationException(errors);
    }

    private IEffect[] CreateChain(IReadOnlyList<EffectModel> chain, EffectContext context) =>
        [.. chain.Where(e => e.Enabled).Select(e => Registry.Create(e, context))];

    private static void AdoptChain(IEffect[] effects, IReadOnlyList<IEffect> previous)
    {
        // Same slot, same type: the natural identity of an insert (reordering a chain restarts the moved effects).
        for (var i = 0; i < effects.Length && i < previous.Count; i++)
            if (effects[i].Type == previous[i].Type) effects[i].TryAdoptState(previous[i]);
    }

    private static bool SameRegion(ClipModel a, ClipModel b) =>
        a.AudioPath == b.AudioPath && a.SourceOffsetFrames == b.SourceOffsetFrames && a.LengthFrames == b.LengthFrames;

    private static void Probe(ClipModel clip, int sampleRate, Dictionary<string, WavInfo> probes)
    {
        if (!probes.TryGetValue(clip.AudioPath, out var info))
        {
            try
            {
                info = WavReader.Probe(clip.AudioPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or WavFormatException)
            {
                throw new GraphBuildException($"Clip {clip.Id}: cannot read its audio file '{clip.AudioPath}': {e.Message}", e);
            }
            probes[clip.AudioPath] = info;
        }
        if (info.SampleRate != sampleRate)
            throw new GraphBuildException(
                $"Clip {clip.Id}: '{clip.AudioPath}' is at {info.SampleRate} Hz but the project runs at {sampleRate} Hz.");
    }
}
