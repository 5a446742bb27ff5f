using System.CommandLine;
using System.Text.Json;
using AudioLab.Core.Time;
using AudioLab.Server.Apis;
using AudioLab.Server.Audio;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Cli;

/// <summary><c>audiolab import --project ID --track ID FILE.wav [--start-time S]</c>: adds a WAV file as a clip, like the upload endpoint.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var project = new Option<Guid>("--project") { Description = "Project id.", Required = true };
        var track = new Option<Guid>("--track") { Description = "Track id (of that project).", Required = true };
        var startTime = new Option<double>("--start-time") { Description = "Timeline position in seconds (default 0)." };
        var file = new Argument<FileInfo>("file") { Description = "WAV file: 16/24/32-bit integer or 32-bit float, mono or stereo." };
        var data = CliDatabase.DataOption();
        var command = new Command("import", "Import a WAV file as a clip on a track and print the clip as JSON.") { project, track, startTime, file, data };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(project), parse.GetValue(track), parse.GetValue(startTime), parse.GetValue(file)!, parse.GetValue(data), ct));
        return command;
    }

    private static async Task<int> RunAsync(Guid projectId, Guid trackId, double startTime, FileInfo file, string? data, CancellationToken ct)
    {
        if (!file.Exists) return await FailAsync($"There is no file {file.FullName}.");
        if (!double.IsFinite(startTime) || startTime < 0) return await FailAsync("--start-time must be a finite, non-negative number of seconds.");
        var cli = await CliDatabase.OpenAsync(data, ct);
        await using var db = cli.Database.CreateContext();
        var target = await db.Tracks.Include(t => t.Project).FirstOrDefaultAsync(t => t.Id == trackId && t.ProjectId == projectId, ct);
        if (target is null) return await FailAsync($"Project {projectId} has no track {trackId}.");
        var rate = target.Project!.SampleRate;

        // The importer takes ownership of a staged copy, exactly as for an upload; the original is left alone.
        using var staged = new StagedUpload(cli.DataFolder.NewTempPath(".upload"), file.Name, file.Length, new Dictionary<string, string>());
        File.Copy(file.FullName, staged.TempPath);
        try
        {
            var clip = await new AudioImporter(db, cli.DataFolder).ImportAsync(target, rate, staged.TempPath, staged.FileName, FrameTime.FromSeconds(startTime, rate), ct);
            Console.WriteLine(JsonSerializer.Serialize(clip.ToResponse(projectId, rate), CliDatabase.Json));
            return 0;
        }
        catch (AudioImportException e)
        {
            return await FailAsync(e.Message);
        }
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 1;
    }
}
