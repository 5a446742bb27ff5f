using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Tests.Infrastructure;

/// <summary>Row counts of every table plus the data folder's files (the database files aside): what "nothing was written" compares.</summary>
public sealed record StoreState(int Projects, int Tracks, int Clips, int AudioFiles, int LoopRegions, int RecordingSessions, string Files)
{
    public static async Task<StoreState> CaptureAsync(AudioLabFactory factory)
    {
        await using var db = factory.Database.CreateContext();
        var files = Directory.EnumerateFiles(factory.DataFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(factory.DataFolder, f))
            .Where(f => !f.StartsWith("audiolab.db", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        return new StoreState(
            await db.Projects.CountAsync(), await db.Tracks.CountAsync(), await db.Clips.CountAsync(),
            await db.AudioFiles.CountAsync(), await db.LoopRegions.CountAsync(), await db.RecordingSessions.CountAsync(),
            string.Join("\n", files));
    }
}
