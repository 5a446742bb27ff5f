using System.Text.Json;
using AudioLab.Data;
using AudioLab.Engine.Effects;
using AudioLab.Server.Contracts;
using AudioLab.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Apis;

/// <summary>The effect catalogue and the ordered effect chains of tracks and of each project's master bus.</summary>
public static class EffectsApi
{
    public static IEndpointRouteBuilder MapEffectsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/effects", ListEffectTypes).WithTags("Effects").WithSummary("The effect types with their parameters, ranges, defaults and units");

        var tracks = app.MapGroup("/api/tracks/{track_id:guid}/effects").WithTags("Effects");
        tracks.MapGet("/", GetTrackEffects).WithSummary("A track's effect chain, in processing order");
        tracks.MapPut("/", PutTrackEffects).WithSummary("Replace a track's effect chain");

        var master = app.MapGroup("/api/projects/{project_id:guid}/master-effects").WithTags("Effects");
        master.MapGet("/", GetMasterEffects).WithSummary("The master bus effect chain, in processing order");
        master.MapPut("/", PutMasterEffects).WithSummary("Replace the master bus effect chain");
        return app;
    }

    public static Ok<List<EffectTypeResponse>> ListEffectTypes() =>
        TypedResults.Ok(EffectRegistry.Default.Descriptors.Select(d => new EffectTypeResponse(d.Type, d.Description,
            [.. d.Parameters.Select(p => new EffectParameterResponse(p.Name, p.Min, p.Max, p.Default, p.Unit, p.Description))])).ToList());

    public static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> GetTrackEffects(
        [FromRoute(Name = "track_id")] Guid trackId, AudioLabDbContext db, CancellationToken ct)
    {
        var effects = await db.Tracks.Where(t => t.Id == trackId).Select(t => t.Effects).FirstOrDefaultAsync(ct);
        return effects is null ? Problems.NotFound("track", trackId) : TypedResults.Ok(Parse(effects));
    }

    public static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> PutTrackEffects(
        [FromRoute(Name = "track_id")] Guid trackId, JsonElement chain, AudioLabDbContext db, CancellationToken ct)
    {
        var track = await db.Tracks.Include(t => t.Project).FirstOrDefaultAsync(t => t.Id == trackId, ct);
        if (track is null) return Problems.NotFound("track", trackId);
        var v = new Validator();
        var effects = v.EffectChain("effects", chain);
        if (v.HasErrors || effects is null) return v.Result;
        track.Effects = effects;
        track.Project!.UpdatedAt = DbClock.UtcNow;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Parse(effects));
    }

    public static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> GetMasterEffects(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, CancellationToken ct)
    {
        var effects = await db.Projects.Where(p => p.Id == projectId).Select(p => p.MasterEffects).FirstOrDefaultAsync(ct);
        return effects is null ? Problems.NotFound("project", projectId) : TypedResults.Ok(Parse(effects));
    }

    public static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> PutMasterEffects(
        [FromRoute(Name = "project_id")] Guid projectId, JsonElement chain, AudioLabDbContext db, CancellationToken ct)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return Problems.NotFound("project", projectId);
        var v = new Validator();
        var effects = v.EffectChain("master_effects", chain);
        if (v.HasErrors || effects is null) return v.Result;
        project.MasterEffects = effects;
        project.UpdatedAt = DbClock.UtcNow;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Parse(effects));
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
