using AudioLab.Data;
using AudioLab.Engine.Model;
using AudioLab.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Engine;

/// <summary>
/// Reads a project from the database into the engine's immutable <see cref="ProjectModel"/>: tracks in index order,
/// clips by start with absolute paths into the data folder, effect chains parsed from their JSON columns.
/// Export snapshots a project with it; live playback rebuilds its graph from it after every edit.
/// </summary>
public sealed class ProjectModelLoader(DataFolder dataFolder)
{
    /// <summary>The project as the engine sees it, or null when there is no such project.</summary>
    /// <exception cref="InvalidDataException">A stored effect chain no longer validates (the message names it).</exception>
    public async Task<ProjectModel?> LoadAsync(AudioLabDbContext db, Guid projectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null) return null;
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ProjectId == projectId).OrderBy(t => t.Index).ToListAsync(cancellationToken);
        var clips = await db.Clips.AsNoTracking().Include(c => c.AudioFile)
            .Where(c => c.Track!.ProjectId == projectId)
            .OrderBy(c => c.StartFrame).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var byTrack = clips.ToLookup(c => c.TrackId);
        var signature = AudioLab.Core.Time.TimeSignature.TryParse(project.TimeSignature, out var sig, out _) ? sig : AudioLab.Core.Time.TimeSignature.FourFour;

        var trackModels = tracks.Select(t => new TrackModel(
            t.Id, t.Index, t.Name, t.VolumeDb, t.Pan, t.Mute, t.Solo,
            [.. byTrack[t.Id].Select(c => new ClipModel(
                c.Id, dataFolder.Resolve(c.AudioFile!.Path), c.AudioFile.Channels,
                c.StartFrame, c.SourceOffsetFrames, c.LengthFrames, c.GainDb, c.FadeInFrames, c.FadeOutFrames))],
            EffectChainJson.ParseStored(t.Effects, $"tracks[{t.Index}].effects"))).ToList();
        return new ProjectModel(project.SampleRate, project.Tempo, signature.Numerator, signature.Denominator, trackModels,
            EffectChainJson.ParseStored(project.MasterEffects, "master_effects"));
    }
}
