using AudioLab.Data;
using AudioLab.Engine.Recording;
using AudioLab.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Live;

/// <summary>
/// At start-up (after the migrations), turns takes a crash left unsaved into clips: each is readable up to its last
/// flush. Their recording_sessions rows, if still "recording" or "stopped", become "saved".
/// </summary>
internal sealed class CaptureRecoveryService(AudioLabDatabase database, DataFolder folder, SessionManager sessions, ILogger<CaptureRecoveryService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(sessions.CaptureDirectory)) return;
        var log = new CaptureLog(sessions.CaptureDirectory);
        var found = CaptureRecovery.Scan(log);
        if (found.Count == 0) return;
        await using var db = database.CreateContext();
        foreach (var r in found)
        {
            var clip = await TakeSaver.SaveAsync(r.Take, db, folder, log, cancellationToken);
            if (clip is null)
            {
                logger.LogWarning("Recovered take {Take} belongs to track {Track}, which no longer exists; left in {Folder}", r.Take.TakeId, r.Take.TrackId, log.Folder);
                continue;
            }
            await db.RecordingSessions.Where(s => s.TrackId == r.Take.TrackId && s.Status != "saved")
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, "saved").SetProperty(s => s.DurationFrames, r.Take.LengthFrames), cancellationToken);
            logger.LogWarning("Recovered take {Take} on track {Track}: {Frames} frames at frame {Start} (clip {Clip})",
                r.Take.TakeId, r.Take.TrackId, r.Take.LengthFrames, r.Take.StartFrame, clip.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
