using AudioLab.Data;
using AudioLab.Data.Entities;
using AudioLab.Server.Contracts;
using AudioLab.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Apis;

public static class LoopRegionsApi
{
    public static IEndpointRouteBuilder MapLoopRegionsApi(this IEndpointRouteBuilder app)
    {
        var projectLoops = app.MapGroup("/api/projects/{project_id:guid}/loop-regions").WithTags("Loop regions");
        projectLoops.MapGet("/", ListLoopRegions).WithSummary("List a project's loop regions by start");
        projectLoops.MapPost("/", CreateLoopRegion).WithSummary("Add a loop region");

        var loops = app.MapGroup("/api/loop-regions").WithTags("Loop regions");
        loops.MapGet("/{loop_region_id:guid}", GetLoopRegion).WithSummary("Get a loop region");
        loops.MapPatch("/{loop_region_id:guid}", UpdateLoopRegion).WithSummary("Change a loop region (repeat_count 0 = infinite)");
        loops.MapDelete("/{loop_region_id:guid}", DeleteLoopRegion).WithSummary("Delete a loop region");
        return app;
    }

    public static async Task<Results<Ok<List<LoopRegionResponse>>, ProblemHttpResult>> ListLoopRegions(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, CancellationToken ct)
    {
        var rate = await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.SampleRate).FirstOrDefaultAsync(ct);
        if (rate is null) return Problems.NotFound("project", projectId);
        var loops = await db.LoopRegions.AsNoTracking().Where(l => l.ProjectId == projectId)
            .OrderBy(l => l.StartFrame).ThenBy(l => l.Id).ToListAsync(ct);
        return TypedResults.Ok(loops.Select(l => l.ToResponse(rate.Value)).ToList());
    }

    public static async Task<Results<Created<LoopRegionResponse>, ProblemHttpResult>> CreateLoopRegion(
        [FromRoute(Name = "project_id")] Guid projectId, CreateLoopRegionRequest request, AudioLabDbContext db, CancellationToken ct)
    {
        var rate = await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.SampleRate).FirstOrDefaultAsync(ct);
        if (rate is null) return Problems.NotFound("project", projectId);

        var v = new Validator();
        if (request.Name is not null) v.Text("name", request.Name, 255, required: true);
        var start = v.Position("start", request.StartTime, request.StartFrame, rate.Value);
        var end = v.Position("end", request.EndTime, request.EndFrame, rate.Value);
        if (request.StartTime is null && request.StartFrame is null) v.Add("start_time", "Give start_time (seconds) or start_frame.");
        if (request.EndTime is null && request.EndFrame is null) v.Add("end_time", "Give end_time (seconds) or end_frame.");
        RepeatCount(v, request.RepeatCount, allowZero: false);
        if (start is { } s && end is { } e && e <= s) v.Add("end_time", $"The loop must end after it starts (start frame {s}, end frame {e}).");
        if (v.HasErrors) return v.Result;

        var loop = new LoopRegion
        {
            ProjectId = projectId,
            Name = request.Name?.Trim() ?? "Loop Region",
            StartFrame = start!.Value,
            EndFrame = end!.Value,
            IsEnabled = request.IsEnabled ?? true,
            RepeatCount = request.RepeatCount,
            CreatedAt = DbClock.UtcNow,
        };
        db.LoopRegions.Add(loop);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/loop-regions/{loop.Id}", loop.ToResponse(rate.Value));
    }

    public static async Task<Results<Ok<LoopRegionResponse>, ProblemHttpResult>> GetLoopRegion(
        [FromRoute(Name = "loop_region_id")] Guid loopRegionId, AudioLabDbContext db, CancellationToken ct)
    {
        var row = await db.LoopRegions.AsNoTracking().Where(l => l.Id == loopRegionId)
            .Select(l => new { Loop = l, l.Project!.SampleRate }).FirstOrDefaultAsync(ct);
        return row is null ? Problems.NotFound("loop region", loopRegionId) : TypedResults.Ok(row.Loop.ToResponse(row.SampleRate));
    }

    public static async Task<Results<Ok<LoopRegionResponse>, ProblemHttpResult>> UpdateLoopRegion(
        [FromRoute(Name = "loop_region_id")] Guid loopRegionId, UpdateLoopRegionRequest request, AudioLabDbContext db, CancellationToken ct)
    {
        var loop = await db.LoopRegions.Include(l => l.Project).FirstOrDefaultAsync(l => l.Id == loopRegionId, ct);
        if (loop is null) return Problems.NotFound("loop region", loopRegionId);
        var rate = loop.Project!.SampleRate;

        var v = new Validator();
        if (request.Name is not null) v.Text("name", request.Name, 255, required: true);
        var start = v.Position("start", request.StartTime, request.StartFrame, rate) ?? loop.StartFrame;
        var end = v.Position("end", request.EndTime, request.EndFrame, rate) ?? loop.EndFrame;
        RepeatCount(v, request.RepeatCount, allowZero: true);
        if (!v.HasErrors && end <= start) v.Add("end_time", $"The loop must end after it starts (start frame {start}, end frame {end}).");
        if (v.HasErrors) return v.Result;

        if (request.Name is not null) loop.Name = request.Name.Trim();
        loop.StartFrame = start;
        loop.EndFrame = end;
        if (request.IsEnabled is { } enabled) loop.IsEnabled = enabled;
        if (request.RepeatCount is { } repeat) loop.RepeatCount = repeat == 0 ? null : repeat;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(loop.ToResponse(rate));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteLoopRegion(
        [FromRoute(Name = "loop_region_id")] Guid loopRegionId, AudioLabDbContext db, CancellationToken ct)
    {
        var deleted = await db.LoopRegions.Where(l => l.Id == loopRegionId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("loop region", loopRegionId) : TypedResults.NoContent();
    }

    private static void RepeatCount(Validator v, int? count, bool allowZero)
    {
        if (count is { } c && (c < (allowZero ? 0 : 1) || c > 1_000_000))
            v.Add("repeat_count", allowZero
                ? $"repeat_count must be 1 to 1000000, or 0 (or null on creation) to loop forever; it was {c}."
                : $"repeat_count must be 1 to 1000000, or null to loop forever; it was {c}.");
    }
}
