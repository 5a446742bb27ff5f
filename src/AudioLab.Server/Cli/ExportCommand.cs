using System.CommandLine;
using System.Text.Json;
using AudioLab.Core.Audio;
using AudioLab.Core.Time;
using AudioLab.Engine.Effects;
using AudioLab.Engine.Graph;
using AudioLab.Engine.Rendering;
using AudioLab.Server.Engine;

namespace AudioLab.Server.Cli;

/// <summary>
/// <c>audiolab export PROJECT -o mix.wav [--bit-depth 24] [--start S] [--end S] [--normalize] [--stems DIR]</c>:
/// renders the project from the database with the same renderer as the export API, showing progress on stderr and
/// printing the result as JSON. Exit code 0 on success, 1 with a message on stderr otherwise.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var project = new Argument<Guid>("project") { Description = "Project id." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "WAV file to write (replaced if it exists).", Required = true };
        var bitDepth = new Option<string?>("--bit-depth") { Description = "16, 24, 32 or 32f (default: the project's bit depth)." };
        var start = new Option<string?>("--start") { Description = "Start in seconds or bars:beats:ticks (default 0)." };
        var end = new Option<string?>("--end") { Description = "End in seconds or bars:beats:ticks (default: end of the last clip)." };
        var normalize = new Option<bool>("--normalize") { Description = "Scale the mix so it peaks at -1 dBFS." };
        var stems = new Option<DirectoryInfo?>("--stems") { Description = "Also write one file per track into this folder." };
        var seed = new Option<ulong?>("--dither-seed") { Description = "Dither seed (default fixed: re-exports are byte-identical)." };
        var data = CliDatabase.DataOption();
        var command = new Command("export", "Mix a project down to a WAV file.") { project, output, bitDepth, start, end, normalize, stems, seed, data };
        command.SetAction((parse, ct) => RunAsync(new Arguments(parse.GetValue(project), parse.GetValue(output)!, parse.GetValue(bitDepth),
            parse.GetValue(start), parse.GetValue(end), parse.GetValue(normalize), parse.GetValue(stems), parse.GetValue(seed)), parse.GetValue(data), ct));
        return command;
    }

    private sealed record Arguments(Guid Project, FileInfo Output, string? BitDepth, string? Start, string? End, bool Normalize, DirectoryInfo? Stems, ulong? Seed);

    private static async Task<int> RunAsync(Arguments a, string? data, CancellationToken ct)
    {
        var cli = await CliDatabase.OpenAsync(data, ct);
        await using var db = cli.Database.CreateContext();
        var entity = await db.Projects.FindAsync([a.Project], ct);
        if (entity is null) return await FailAsync($"There is no project with id {a.Project}.");
        var model = await LoadAsync(cli, db, a.Project, ct);
        if (model.Error is not null) return await FailAsync(model.Error);

        var depth = a.BitDepth ?? entity.BitDepth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!SampleFormatExtensions.TryParseBitDepth(depth, out var format))
            return await FailAsync($"--bit-depth must be 16, 24, 32 or 32f; it was '{depth}'.");
        var map = new TempoMap(new Tempo(entity.Tempo),
            TimeSignature.TryParse(entity.TimeSignature, out var signature, out _) ? signature : TimeSignature.FourFour, entity.SampleRate);
        long? startFrame = null, endFrame = null;
        if (a.Start is not null)
        {
            if (!PositionParser.TryParse(a.Start, PositionUnit.Seconds, map, out var f, out var error)) return await FailAsync($"--start: {error}");
            startFrame = f;
        }
        if (a.End is not null)
        {
            if (!PositionParser.TryParse(a.End, PositionUnit.Seconds, map, out var f, out var error)) return await FailAsync($"--end: {error}");
            endFrame = f;
        }
        if (a.Output.Directory is { Exists: false } folder) return await FailAsync($"The folder {folder.FullName} does not exist.");

        var options = new ExportOptions
        {
            OutputPath = a.Output.FullName,
            Format = format,
            StartFrame = startFrame,
            EndFrame = endFrame,
            Normalize = a.Normalize,
            Stems = a.Stems is not null,
            DitherSeed = a.Seed ?? ExportOptions.DefaultDitherSeed,
        };
        var invalid = ExportRenderer.Validate(model.Project!, options);
        if (invalid.Count > 0) return await FailAsync(string.Join(" ", invalid.Select(e => e.Message)));

        using var bar = new ProgressBar(Console.Error, "Exporting");
        ExportResult result;
        try
        {
            result = await Task.Run(() => new ExportRenderer().Render(model.Project!, options, bar, ct), ct);
        }
        catch (Exception e) when (e is ExportException or GraphBuildException or EffectValidationException)
        {
            bar.Abort();
            return await FailAsync($"Export failed: {e.Message}");
        }
        bar.Complete();

        var files = result.Files.Select(f => (f.Path, f.TrackId, f.Name, f.PeakDbfs, f.ClippedSamples)).ToList();
        if (a.Stems is not null)
        {
            // The renderer writes stems beside the mix; move them where the user asked.
            Directory.CreateDirectory(a.Stems.FullName);
            for (var i = 0; i < files.Count; i++)
            {
                if (files[i].TrackId is null) continue;
                var target = Path.Combine(a.Stems.FullName, Path.GetFileName(files[i].Path));
                File.Move(files[i].Path, target, overwrite: true);
                files[i] = files[i] with { Path = target };
            }
        }
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            frames = result.FramesWritten,
            seconds = FrameTime.ToSeconds(result.FramesWritten, result.SampleRate),
            sample_rate = result.SampleRate,
            peak_dbfs = result.PeakDbfs,
            clipped_samples = result.ClippedSamples,
            normalize_gain_db = result.NormalizeGainDb,
            elapsed_seconds = result.Elapsed.TotalSeconds,
            files = files.Select(f => new { path = f.Path, track_id = f.TrackId, name = f.Name, peak_dbfs = f.PeakDbfs, clipped_samples = f.ClippedSamples }),
        }, CliDatabase.Json));
        if (result.ClippedSamples > 0)
            await Console.Error.WriteLineAsync($"Warning: {result.ClippedSamples} samples clipped (peak {result.PeakDbfs:0.0} dBFS); lower the master or use --normalize.");
        return 0;
    }

    private sealed record Loaded(AudioLab.Engine.Model.ProjectModel? Project, string? Error);

    private static async Task<Loaded> LoadAsync(CliDatabase cli, AudioLab.Data.AudioLabDbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            return new Loaded(await new ProjectModelLoader(cli.DataFolder).LoadAsync(db, id, ct), null);
        }
        catch (InvalidDataException e)
        {
            return new Loaded(null, e.Message);
        }
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 1;
    }
}
