using AudioLab.Data;
using AudioLab.Data.Entities;
using AudioLab.Server.Contracts;
using AudioLab.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Apis;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Projects");
        api.MapGet("/", ListProjects).WithSummary("List projects, oldest first");
        api.MapPost("/", CreateProject).WithSummary("Create a project");
        api.MapGet("/{project_id:guid}", GetProject).WithSummary("Get a project");
        api.MapPatch("/{project_id:guid}", UpdateProject).WithSummary("Change a project's name, tempo, time signature, bit depth, sample rate or master effects");
        api.MapDelete("/{project_id:guid}", DeleteProject).WithSummary("Delete a project with its tracks, clips and loop regions (audio files stay)");
        return app;
    }

    public static async Task<Ok<List<ProjectResponse>>> ListProjects(AudioLabDbContext db, CancellationToken ct)
    {
        var rows = await db.Projects.AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new { Project = p, Tracks = p.Tracks.Count }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => r.Project.ToResponse(r.Tracks)).ToList());
    }

    public static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> CreateProject(
        CreateProjectRequest request, AudioLabDbContext db, CancellationToken ct)
    {
        var v = new Validator();
        v.Text("name", request.Name, 255, required: true);
        v.SampleRate(request.SampleRate);
        v.BitDepth(request.BitDepth);
        v.Range("tempo", request.Tempo, 20, 999, " BPM");
        v.TimeSignature(request.TimeSignature);
        var effects = v.EffectChain("master_effects", request.MasterEffects);
        if (v.HasErrors) return v.Result;

        var now = DbClock.UtcNow;
        var project = new Project
        {
            Name = request.Name!.Trim(),
            SampleRate = request.SampleRate ?? 48_000,
            BitDepth = request.BitDepth ?? 24,
            Tempo = request.Tempo ?? 120,
            TimeSignature = request.TimeSignature ?? "4/4",
            MasterEffects = effects ?? "[]",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/projects/{project.Id}", project.ToResponse(0));
    }

    public static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProject(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, CancellationToken ct)
    {
        var row = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { Project = p, Tracks = p.Tracks.Count }).FirstOrDefaultAsync(ct);
        return row is null ? Problems.NotFound("project", projectId) : TypedResults.Ok(row.Project.ToResponse(row.Tracks));
    }

    public static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> UpdateProject(
        [FromRoute(Name = "project_id")] Guid projectId, UpdateProjectRequest request, AudioLabDbContext db, CancellationToken ct)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return Problems.NotFound("project", projectId);

        var v = new Validator();
        if (request.Name is not null) v.Text("name", request.Name, 255, required: true);
        v.SampleRate(request.SampleRate);
        v.BitDepth(request.BitDepth);
        v.Range("tempo", request.Tempo, 20, 999, " BPM");
        v.TimeSignature(request.TimeSignature);
        var effects = v.EffectChain("master_effects", request.MasterEffects);
        if (v.HasErrors) return v.Result;

        if (request.SampleRate is { } rate && rate != project.SampleRate)
        {
            // Stored audio is at the project rate; converting it would modify files we promised never to touch.
            if (await db.Clips.AnyAsync(c => c.Track!.ProjectId == projectId, ct))
                return Problems.Conflict("The sample rate cannot change once the project has clips: their audio is stored at the current rate.");
            var loops = await db.LoopRegions.Where(l => l.ProjectId == projectId).ToListAsync(ct);
            foreach (var loop in loops)
            {
                // Keep loop regions at the same time in seconds.
                loop.StartFrame = (long)Math.Round((double)loop.StartFrame * rate / project.SampleRate);
                loop.EndFrame = Math.Max(loop.StartFrame + 1, (long)Math.Round((double)loop.EndFrame * rate / project.SampleRate));
            }
            project.SampleRate = rate;
        }
        if (request.Name is not null) project.Name = request.Name.Trim();
        if (request.BitDepth is { } depth) project.BitDepth = depth;
        if (request.Tempo is { } tempo) project.Tempo = tempo;
        if (request.TimeSignature is not null) project.TimeSignature = request.TimeSignature;
        if (effects is not null) project.MasterEffects = effects;
        project.UpdatedAt = DbClock.UtcNow;
        await db.SaveChangesAsync(ct);
        var tracks = await db.Tracks.CountAsync(t => t.ProjectId == projectId, ct);
        return TypedResults.Ok(project.ToResponse(tracks));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteProject(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, CancellationToken ct)
    {
        // The database cascades to tracks, clips, recording sessions and loop regions in one statement.
        var deleted = await db.Projects.Where(p => p.Id == projectId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("project", projectId) : TypedResults.NoContent();
    }
}
