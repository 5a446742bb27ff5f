using AudioLab.Core.Time;
using AudioLab.Data;
using AudioLab.Data.Entities;
using AudioLab.Engine.Devices;
using EngineMonitorMode = AudioLab.Engine.Monitoring.MonitorMode;
using AudioLab.Server.Contracts;
using AudioLab.Server.Infrastructure;
using AudioLab.Server.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Apis;

public static class RecordingApi
{
    /// <summary>Longest wait for the disk writer to close a stopped take (it needs one round trip of blocks, then a flush).</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapRecordingApi(this IEndpointRouteBuilder app)
    {
        var record = app.MapGroup("/api/tracks/{track_id:guid}/record").WithTags("Recording");
        record.MapPost("/start", Start).WithSummary("Start recording the track's input channels (starts the transport if stopped); the project goes live on device_id");
        record.MapPost("/stop", Stop).WithSummary("Stop recording; the take becomes a new clip placed where the performer heard it (returned)");
        return app;
    }

    public static async Task<Results<Ok<RecordingSessionResponse>, ProblemHttpResult>> Start(
        [FromRoute(Name = "track_id")] Guid trackId, [FromQuery(Name = "device_id")] string? deviceId, [FromQuery(Name = "connection_id")] string? connectionId,
        AudioLabDbContext db, SessionManager sessions, CancellationToken ct)
    {
        var track = await db.Tracks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == trackId, ct);
        if (track is null) return Problems.NotFound("track", trackId);
        if (deviceId is not null && !sessions.Catalog.ListDevices().Any(d => d.Id == deviceId))
            return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"There is no audio device with id '{deviceId}'. GET /api/devices lists them.");
        var rate = await db.Projects.Where(p => p.Id == track.ProjectId).Select(p => p.SampleRate).FirstAsync(ct);
        try
        {
            var live = await sessions.OpenAsync(track.ProjectId, deviceId ?? track.InputDeviceId, db, ct);
            var engine = live.Engine;
            var channels = ResponseMapping.ParseChannels(track.InputChannels) ?? [0];
            var inputs = engine.Device.Info.InputChannels;
            if (channels.Any(c => c >= inputs))
                return Problems.Invalid("input_channels", $"Device '{live.DeviceId}' has {inputs} input channels (0..{inputs - 1}); the track uses {string.Join(',', channels)}.");
            if (engine.IsRecording(trackId)) return Problems.Conflict($"Track {trackId} is already recording.");

            var mode = !track.MonitoringEnabled ? EngineMonitorMode.Off : ResponseMapping.ParseMonitorMode(track.MonitorMode) switch
            {
                MonitorMode.On => EngineMonitorMode.On,
                MonitorMode.Off => EngineMonitorMode.Off,
                _ => EngineMonitorMode.Auto,
            };
            engine.ArmTrack(trackId, channels, mode);
            engine.StartRecording(trackId, channels);
            var transport = engine.ReadTransport();
            if (!transport.IsPlaying) engine.Play(transport.PositionFrame); // pressing record rolls the transport

            var row = new RecordingSession
            {
                TrackId = trackId,
                InputDeviceId = live.DeviceId,
                StartFrame = transport.PositionFrame,
                Status = "recording",
                CreatedAt = DbClock.UtcNow,
            };
            db.RecordingSessions.Add(row);
            await db.SaveChangesAsync(CancellationToken.None);
            live.SetRow(trackId, row.Id);
            return TypedResults.Ok(ToResponse(row, channels, rate));
        }
        catch (Exception ex) when (LiveProblems.TryMap(ex, out var problem))
        {
            return problem;
        }
    }

    public static async Task<Results<Ok<ClipResponse>, ProblemHttpResult>> Stop(
        [FromRoute(Name = "track_id")] Guid trackId, AudioLabDbContext db, DataFolder folder, SessionManager sessions, CancellationToken ct)
    {
        var track = await db.Tracks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == trackId, ct);
        if (track is null) return Problems.NotFound("track", trackId);
        if (sessions.Find(track.ProjectId) is not { } live || !live.Engine.IsRecording(trackId))
            return Problems.Conflict($"Track {trackId} is not recording.");
        var rate = live.SampleRate;
        AudioLab.Engine.Recording.RecordingResult result;
        try
        {
            result = await live.Engine.StopRecording(trackId).WaitAsync(StopTimeout, ct);
        }
        catch (Exception ex) when (LiveProblems.TryMap(ex, out var problem))
        {
            return problem;
        }
        catch (TimeoutException)
        {
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Engine stalled",
                "The take was not closed in time; it stays in the capture folder and is recovered at the next start.");
        }
        if (!track.RecordEnabled) live.Engine.RemoveTrackInput(trackId);

        var row = live.TakeRow(trackId) is { } rowId ? await db.RecordingSessions.FirstOrDefaultAsync(r => r.Id == rowId, ct) : null;
        if (row is not null)
        {
            row.Status = "stopped";
            row.DurationFrames = result.Takes.Sum(t => t.LengthFrames);
            if (result.Takes.Count > 0) row.StartFrame = result.Takes[0].StartFrame;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        if (result.Error is not null && result.Takes.Count == 0)
            return Problems.Status(StatusCodes.Status500InternalServerError, "Recording failed", result.Error);
        if (result.Takes.Count == 0)
            return Problems.Conflict("Nothing was recorded: the transport was not rolling while the track recorded.");

        var clips = new List<Clip>();
        foreach (var take in result.Takes)
            if (await TakeSaver.SaveAsync(take, db, folder, new AudioLab.Engine.Recording.CaptureLog(sessions.CaptureDirectory), CancellationToken.None) is { } clip)
                clips.Add(clip);
        if (row is not null)
        {
            row.Status = "saved";
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await sessions.RefreshAllAsync(db, CancellationToken.None); // the new clip plays from the next block
        if (clips.Count == 0) return Problems.Status(StatusCodes.Status410Gone, "Track deleted", "The track was deleted while it recorded; the take is kept for recovery.");
        // Several takes happen only when the transport jumped (seek, loop) during the recording; each became a clip, the last is returned.
        return TypedResults.Ok(clips[^1].ToResponse(track.ProjectId, rate));
    }

    private static RecordingSessionResponse ToResponse(RecordingSession r, int[] channels, int rate) =>
        new(r.Id, r.TrackId, r.InputDeviceId, channels, r.StartFrame, FrameTime.ToSeconds(r.StartFrame, rate),
            r.DurationFrames, r.DurationFrames is { } d ? FrameTime.ToSeconds(d, rate) : null, r.Status, r.CreatedAt);
}
