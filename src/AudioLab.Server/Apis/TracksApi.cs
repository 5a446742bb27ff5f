using AudioLab.Data;
using AudioLab.Data.Entities;
using AudioLab.Server.Contracts;
using AudioLab.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AudioLab.Server.Apis;

public static class TracksApi
{
    public static IEndpointRouteBuilder MapTracksApi(this IEndpointRouteBuilder app)
    {
        var projectTracks = app.MapGroup("/api/projects/{project_id:guid}/tracks").WithTags("Tracks");
        projectTracks.MapGet("/", ListTracks).WithSummary("List a project's tracks in index order");
        projectTracks.MapPost("/", CreateTrack).WithSummary("Add a track (a project holds at most AudioLab:MaxTracks, 32 by default)");

        var tracks = app.MapGroup("/api/tracks").WithTags("Tracks");
        tracks.MapGet("/{track_id:guid}", GetTrack).WithSummary("Get a track");
        tracks.MapPatch("/{track_id:guid}", UpdateTrack).WithSummary("Change volume, pan, mute, solo, arming, input, monitoring, name, colour or effects");
        tracks.MapDelete("/{track_id:guid}", DeleteTrack).WithSummary("Delete a track and its clips (audio files stay)");
        return app;
    }

    public static async Task<Results<Ok<List<TrackResponse>>, ProblemHttpResult>> ListTracks(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, CancellationToken ct)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct)) return Problems.NotFound("project", projectId);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ProjectId == projectId).OrderBy(t => t.Index).ToListAsync(ct);
        return TypedResults.Ok(tracks.Select(t => t.ToResponse()).ToList());
    }

    public static async Task<Results<Created<TrackResponse>, ProblemHttpResult>> CreateTrack(
        [FromRoute(Name = "project_id")] Guid projectId, CreateTrackRequest? request,
        AudioLabDbContext db, IOptions<AudioLabOptions> options, CancellationToken ct)
    {
        request ??= new CreateTrackRequest();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct)) return Problems.NotFound("project", projectId);

        var v = new Validator();
        var effects = ValidateFields(v, request.Name, request.VolumeDb, request.Pan, request.InputDeviceId, request.InputChannels, request.Color, request.Effects);
        if (v.HasErrors) return v.Result;

        var max = options.Value.MaxTracks;
        var used = await db.Tracks.Where(t => t.ProjectId == projectId).Select(t => t.Index).ToListAsync(ct);
        if (used.Count >= max)
            return Problems.Conflict($"A project holds at most {max} tracks and this one has {used.Count}. Delete a track before adding another.");
        // Fill the lowest free index so deleting and re-adding keeps indexes within 0..max-1.
        var index = Enumerable.Range(0, max).First(i => !used.Contains(i));

        var track = new Track
        {
            ProjectId = projectId,
            Index = index,
            Name = request.Name?.Trim() ?? $"Track {index + 1}",
            VolumeDb = request.VolumeDb ?? 0,
            Pan = request.Pan ?? 0,
            Mute = request.Mute ?? false,
            Solo = request.Solo ?? false,
            RecordEnabled = request.RecordEnabled ?? false,
            InputDeviceId = string.IsNullOrEmpty(request.InputDeviceId) ? null : request.InputDeviceId,
            InputChannels = ResponseMapping.FormatChannels(request.InputChannels),
            MonitoringEnabled = request.MonitoringEnabled ?? true,
            MonitorMode = ResponseMapping.FormatMonitorMode(request.MonitorMode ?? MonitorMode.Auto),
            Color = string.IsNullOrEmpty(request.Color) ? null : request.Color.ToLowerInvariant(),
            Effects = effects ?? "[]",
        };
        db.Tracks.Add(track);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request took the same index at the same moment (unique index on project + index).
            return Problems.Conflict("Another track was added to this project at the same time; try again.");
        }
        return TypedResults.Created($"/api/tracks/{track.Id}", track.ToResponse());
    }

    public static async Task<Results<Ok<TrackResponse>, ProblemHttpResult>> GetTrack(
        [FromRoute(Name = "track_id")] Guid trackId, AudioLabDbContext db, CancellationToken ct)
    {
        var track = await db.Tracks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == trackId, ct);
        return track is null ? Problems.NotFound("track", trackId) : TypedResults.Ok(track.ToResponse());
    }

    public static async Task<Results<Ok<TrackResponse>, ProblemHttpResult>> UpdateTrack(
        [FromRoute(Name = "track_id")] Guid trackId, UpdateTrackRequest request, AudioLabDbContext db, CancellationToken ct)
    {
        var track = await db.Tracks.FirstOrDefaultAsync(t => t.Id == trackId, ct);
        if (track is null) return Problems.NotFound("track", trackId);

        var v = new Validator();
        var effects = ValidateFields(v, request.Name, request.VolumeDb, request.Pan, request.InputDeviceId, request.InputChannels, request.Color, request.Effects);
        if (v.HasErrors) return v.Result;

        if (request.Name is not null) track.Name = request.Name.Trim();
        if (request.VolumeDb is { } volume) track.VolumeDb = volume;
        if (request.Pan is { } pan) track.Pan = pan;
        if (request.Mute is { } mute) track.Mute = mute;
        if (request.Solo is { } solo) track.Solo = solo;
        if (request.RecordEnabled is { } armed) track.RecordEnabled = armed;
        if (request.InputDeviceId is not null) track.InputDeviceId = request.InputDeviceId.Length == 0 ? null : request.InputDeviceId;
        if (request.InputChannels is not null) track.InputChannels = ResponseMapping.FormatChannels(request.InputChannels);
        if (request.MonitoringEnabled is { } monitoring) track.MonitoringEnabled = monitoring;
        if (request.MonitorMode is { } mode) track.MonitorMode = ResponseMapping.FormatMonitorMode(mode);
        if (request.Color is not null) track.Color = request.Color.Length == 0 ? null : request.Color.ToLowerInvariant();
        if (effects is not null) track.Effects = effects;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(track.ToResponse());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteTrack(
        [FromRoute(Name = "track_id")] Guid trackId, AudioLabDbContext db, CancellationToken ct)
    {
        var deleted = await db.Tracks.Where(t => t.Id == trackId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("track", trackId) : TypedResults.NoContent();
    }

    /// <summary>The rules creating and patching a track share; returns the validated effect chain (null when absent).</summary>
    private static string? ValidateFields(Validator v, string? name, double? volumeDb, double? pan, string? inputDeviceId,
        int[]? inputChannels, string? color, System.Text.Json.JsonElement? effects)
    {
        if (name is not null) v.Text("name", name, 255, required: true);
        v.Range("volume_db", volumeDb, Validator.MinDb, Validator.MaxVolumeDb, " dB");
        v.Range("pan", pan, -1, 1, "");
        v.Text("input_device_id", inputDeviceId, 255, required: false);
        v.InputChannels(inputChannels);
        v.Color(color);
        return v.EffectChain("effects", effects);
    }
}
