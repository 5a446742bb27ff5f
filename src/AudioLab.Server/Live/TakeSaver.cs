using System.Security.Cryptography;
using AudioLab.Data;
using AudioLab.Data.Entities;
using AudioLab.Engine.Recording;
using AudioLab.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Live;

/// <summary>
/// Turns a finished take into a stored audio file and a new clip (non-destructive: nothing existing changes), with the
/// latency terms it was placed with, then marks it saved in the capture log so recovery leaves it alone. Control thread.
/// </summary>
internal static class TakeSaver
{
    /// <summary>Null when the track no longer exists (the take stays in the capture folder for recovery).</summary>
    public static async Task<Clip?> SaveAsync(RecordedTake take, AudioLabDbContext db, DataFolder folder, CaptureLog log, CancellationToken ct)
    {
        if (!await db.Tracks.AnyAsync(t => t.Id == take.TrackId, ct)) return null;
        var now = DbClock.UtcNow;
        var file = new AudioFile
        {
            OriginalName = $"Take {now:yyyy-MM-dd HH:mm:ss}",
            Channels = take.Channels,
            SampleRate = take.SampleRate,
            LengthFrames = take.LengthFrames,
            Sha256 = await HashAsync(take.FilePath, ct),
            CreatedAt = now,
        };
        file.Path = DataFolder.NewAudioPath(file.Id);
        var clip = new Clip
        {
            TrackId = take.TrackId,
            AudioFileId = file.Id,
            AudioFile = file,
            StartFrame = take.StartFrame,
            SourceOffsetFrames = 0,
            LengthFrames = take.LengthFrames,
            InputLatencyFrames = take.Latency.InputFrames,
            OutputLatencyFrames = take.Latency.OutputFrames,
            CalibrationFrames = take.Latency.CalibrationFrames,
            CreatedAt = now,
        };
        var stored = folder.Resolve(file.Path);
        folder.EnsureCreated();
        File.Move(take.FilePath, stored);
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stored, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            db.AudioFiles.Add(file);
            db.Clips.Add(clip);
            await db.SaveChangesAsync(CancellationToken.None); // both rows in one transaction, never abandoned half-way
        }
        catch
        {
            File.Move(stored, take.FilePath); // back where the capture log points, for the next recovery
            throw;
        }
        log.MarkSaved(take.TakeId);
        return clip;
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
