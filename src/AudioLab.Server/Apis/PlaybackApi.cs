using AudioLab.Core.Time;
using AudioLab.Data;
using AudioLab.Engine.Devices;
using AudioLab.Engine.Session;
using AudioLab.Server.Contracts;
using AudioLab.Server.Infrastructure;
using AudioLab.Server.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Apis;

public static class PlaybackApi
{
    public static IEndpointRouteBuilder MapPlaybackApi(this IEndpointRouteBuilder app)
    {
        var playback = app.MapGroup("/api/projects/{project_id:guid}/playback").WithTags("Playback");
        playback.MapPost("/play", Play).WithSummary("Start playback from position (seconds, default 0); opens the project's live session on the configured device");
        playback.MapPost("/stop", Stop).WithSummary("Stop in place");
        playback.MapPost("/seek", Seek).WithSummary("Move the playhead to position (seconds); playback continues from there if it was playing");
        playback.MapGet("/position", Position).WithSummary("The playhead in seconds and frames, and whether the transport is moving");
        return app;
    }

    public static async Task<Results<Ok<PlaybackPositionResponse>, ProblemHttpResult>> Play(
        [FromRoute(Name = "project_id")] Guid projectId, double? position, AudioLabDbContext db, SessionManager sessions, CancellationToken ct)
    {
        var rate = await RateAsync(db, projectId, ct);
        if (rate is null) return Problems.NotFound("project", projectId);
        if (ToFrame(position ?? 0, rate.Value) is not { } frame) return BadPosition(position);
        try
        {
            var live = await sessions.OpenAsync(projectId, null, db, ct);
            live.Engine.Play(frame);
            return TypedResults.Ok(new PlaybackPositionResponse(FrameTime.ToSeconds(frame, rate.Value), frame, true));
        }
        catch (Exception ex) when (LiveProblems.TryMap(ex, out var problem))
        {
            return problem;
        }
    }

    public static async Task<Results<Ok<PlaybackPositionResponse>, ProblemHttpResult>> Stop(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, SessionManager sessions, CancellationToken ct)
    {
        var rate = await RateAsync(db, projectId, ct);
        if (rate is null) return Problems.NotFound("project", projectId);
        if (sessions.Find(projectId) is not { } live) return TypedResults.Ok(new PlaybackPositionResponse(0, 0, false));
        try
        {
            live.Engine.Stop();
        }
        catch (Exception ex) when (LiveProblems.TryMap(ex, out var problem))
        {
            return problem;
        }
        var frame = live.Engine.ReadTransport().PositionFrame;
        return TypedResults.Ok(new PlaybackPositionResponse(FrameTime.ToSeconds(frame, rate.Value), frame, false));
    }

    public static async Task<Results<Ok<PlaybackPositionResponse>, ProblemHttpResult>> Seek(
        [FromRoute(Name = "project_id")] Guid projectId, double? position, AudioLabDbContext db, SessionManager sessions, CancellationToken ct)
    {
        var rate = await RateAsync(db, projectId, ct);
        if (rate is null) return Problems.NotFound("project", projectId);
        if (position is null) return Problems.Invalid("position", "Give position, in seconds.");
        if (ToFrame(position.Value, rate.Value) is not { } frame) return BadPosition(position);
        try
        {
            var live = await sessions.OpenAsync(projectId, null, db, ct);
            live.Engine.Seek(frame);
            return TypedResults.Ok(new PlaybackPositionResponse(FrameTime.ToSeconds(frame, rate.Value), frame, live.Engine.ReadTransport().IsPlaying));
        }
        catch (Exception ex) when (LiveProblems.TryMap(ex, out var problem))
        {
            return problem;
        }
    }

    public static async Task<Results<Ok<PlaybackPositionResponse>, ProblemHttpResult>> Position(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, SessionManager sessions, CancellationToken ct)
    {
        var rate = await RateAsync(db, projectId, ct);
        if (rate is null) return Problems.NotFound("project", projectId);
        if (sessions.Find(projectId) is not { } live) return TypedResults.Ok(new PlaybackPositionResponse(0, 0, false));
        var t = live.Engine.ReadTransport();
        return TypedResults.Ok(new PlaybackPositionResponse(FrameTime.ToSeconds(t.PositionFrame, rate.Value), t.PositionFrame, t.IsPlaying));
    }

    private static Task<int?> RateAsync(AudioLabDbContext db, Guid projectId, CancellationToken ct) =>
        db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.SampleRate).FirstOrDefaultAsync(ct);

    /// <summary>Seconds to the nearest frame; null for a negative, infinite or absurd position.</summary>
    private static long? ToFrame(double seconds, int rate) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds <= 1e7 ? FrameTime.FromSeconds(seconds, rate) : null;

    private static ProblemHttpResult BadPosition(double? position) =>
        Problems.Invalid("position", $"position must be a number of seconds from 0 to 10,000,000; it was {position}.");
}

/// <summary>Engine and device failures as ProblemDetails.</summary>
internal static class LiveProblems
{
    public static bool TryMap(Exception ex, out ProblemHttpResult problem)
    {
        problem = ex switch
        {
            SessionConflictException => Problems.Conflict(ex.Message),
            KeyNotFoundException => Problems.Status(StatusCodes.Status404NotFound, "Not found", ex.Message),
            EngineQueueFullException => Problems.Status(StatusCodes.Status503ServiceUnavailable, "Engine busy", ex.Message),
            AudioBackendUnavailableException => Problems.Status(StatusCodes.Status503ServiceUnavailable, "Audio device unavailable", ex.Message),
            _ => null!,
        };
        return problem is not null;
    }
}
