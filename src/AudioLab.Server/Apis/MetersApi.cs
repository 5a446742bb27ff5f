using AudioLab.Data;
using AudioLab.Engine.Metering;
using AudioLab.Server.Contracts;
using AudioLab.Server.Infrastructure;
using AudioLab.Server.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Apis;

public static class MetersApi
{
    public static IEndpointRouteBuilder MapMetersApi(this IEndpointRouteBuilder app)
    {
        var meters = app.MapGroup("/api/projects/{project_id:guid}/meters").WithTags("Meters");
        meters.MapGet("/", GetMeters).WithSummary("Peak, RMS, peak hold and clip state of every input, track (post-fader) and the master");
        meters.MapPost("/reset", Reset).WithSummary("Clear peak holds and clip indicators");
        return app;
    }

    public static async Task<Results<Ok<MetersResponse>, ProblemHttpResult>> GetMeters(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, SessionManager sessions, CancellationToken ct)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct)) return Problems.NotFound("project", projectId);
        if (sessions.Find(projectId) is not { } live) return TypedResults.Ok(new MetersResponse(projectId, false, null, [], [], null, null));
        var s = live.Engine.ReadSnapshot().Meters;
        return TypedResults.Ok(new MetersResponse(projectId, true, live.DeviceId,
            [.. s.Inputs.Select(ToResponse)],
            [.. Enumerable.Range(0, s.TrackCount).Select(i => new TrackMetersResponse(s.TrackIds[i], ToResponse(s.TrackLeft[i]), ToResponse(s.TrackRight[i])))],
            ToResponse(s.MasterLeft), ToResponse(s.MasterRight)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Reset(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, SessionManager sessions, CancellationToken ct)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct)) return Problems.NotFound("project", projectId);
        if (sessions.Find(projectId) is not { } live) return TypedResults.NoContent();
        try
        {
            live.Engine.ResetMeters();
        }
        catch (Exception ex) when (LiveProblems.TryMap(ex, out var problem))
        {
            return problem;
        }
        return TypedResults.NoContent();
    }

    private static MeterResponse ToResponse(MeterReading m) => new(m.PeakDb, m.RmsDb, m.PeakHoldDb, m.Clipped, m.ClipCount);
}
