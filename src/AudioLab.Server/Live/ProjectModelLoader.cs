using System.Text.Json;
using AudioLab.Data;
using AudioLab.Engine.Model;
using AudioLab.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Live;

/// <summary>Reads a project from the database into the engine's immutable <see cref="ProjectModel"/>. Control thread.</summary>
internal static class ProjectModelLoader
{
    /// <summary>Null when the project does not exist.</summary>
    public static async Task<ProjectModel?> LoadAsync(AudioLabDbContext db, DataFolder folder, Guid projectId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return null;
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ProjectId == projectId).OrderBy(t => t.Index)
            .Include(t => t.Clips).ThenInclude(c => c.AudioFile).ToListAsync(ct);
        var beats = project.TimeSignature.Split('/');
        return new ProjectModel(
            project.SampleRate,
            project.Tempo,
            int.Parse(beats[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(beats[1], System.Globalization.CultureInfo.InvariantCulture),
            [.. tracks.Select(t => new TrackModel(t.Id, t.Index, t.Name, t.VolumeDb, t.Pan, t.Mute, t.Solo,
                [.. t.Clips.Select(c => new ClipModel(c.Id, folder.Resolve(c.AudioFile!.Path), c.AudioFile.Channels, c.StartFrame,
                    c.SourceOffsetFrames, c.LengthFrames, c.GainDb, c.FadeInFrames, c.FadeOutFrames))],
                ParseEffects(t.Effects)))],
            ParseEffects(project.MasterEffects));
    }

    /// <summary>The stored chain: <c>[{"type": "eq", "parameters": {...}, "enabled": true}, ...]</c>.</summary>
    public static IReadOnlyList<EffectModel> ParseEffects(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new List<EffectModel>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object) continue;
            var type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
            var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
            if (e.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
                foreach (var kv in p.EnumerateObject())
                    if (kv.Value.ValueKind == JsonValueKind.Number) parameters[kv.Name] = kv.Value.GetDouble();
            var enabled = !e.TryGetProperty("enabled", out var en) || en.ValueKind != JsonValueKind.False;
            result.Add(new EffectModel(type, parameters, enabled));
        }
        return result;
    }
}
