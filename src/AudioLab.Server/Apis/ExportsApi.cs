using System.Globalization;
using System.Text.Json;
using AudioLab.Core.Audio;
using AudioLab.Core.Time;
using AudioLab.Data;
using AudioLab.Engine.Model;
using AudioLab.Engine.Rendering;
using AudioLab.Server.Contracts;
using AudioLab.Server.Engine;
using AudioLab.Server.Export;
using AudioLab.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Apis;

/// <summary>Export jobs: start a mixdown, follow its progress, download the mix and stems.</summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/projects/{project_id:guid}/export", StartExport).WithTags("Exports")
            .WithSummary("Start exporting the project (or a range of it) to WAV; answers 202 with the job");
        var exports = app.MapGroup("/api/exports/{export_id:guid}").WithTags("Exports");
        exports.MapGet("/", GetExport).WithSummary("An export job: status (queued, running, done, failed), progress 0..1, result or error");
        exports.MapGet("/file", GetMixFile).WithSummary("Download the exported mix (409 until the job is done)")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav");
        exports.MapGet("/files/{name}", GetFile).WithSummary("Download one file of the export (the mix or a stem) by the name the job lists")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav");
        return app;
    }

    public static async Task<Results<Accepted<ExportJobResponse>, ProblemHttpResult>> StartExport(
        [FromRoute(Name = "project_id")] Guid projectId, ExportRequest? request, AudioLabDbContext db,
        ProjectModelLoader loader, ExportQueue queue, CancellationToken ct)
    {
        request ??= new ExportRequest();
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return Problems.NotFound("project", projectId);

        var v = new Validator();
        if (request.Format is not null && !string.Equals(request.Format, "wav", StringComparison.Ordinal))
            v.Add("format", $"format must be \"wav\"; it was \"{request.Format}\".");
        var format = BitDepth(v, request.BitDepth, project.BitDepth);
        v.SampleRate(request.SampleRate);
        v.Range("normalize_peak_db", request.NormalizePeakDb, -60, 0, " dBFS");
        var map = new TempoMap(new Tempo(project.Tempo),
            TimeSignature.TryParse(project.TimeSignature, out var signature, out _) ? signature : TimeSignature.FourFour, project.SampleRate);
        var start = Position(v, "range.start", request.Range?.StartTime, request.Range?.StartFrame, map);
        var end = Position(v, "range.end", request.Range?.EndTime, request.Range?.EndFrame, map);
        if (v.HasErrors) return v.Result;

        ProjectModel? model;
        try
        {
            model = await loader.LoadAsync(db, projectId, ct);
        }
        catch (InvalidDataException e)
        {
            return Problems.Invalid("effects", e.Message);
        }
        if (model is null) return Problems.NotFound("project", projectId);

        var id = Guid.CreateVersion7();
        var options = new ExportOptions
        {
            OutputPath = Path.Combine(queue.JobDirectory(id), ExportQueue.MixFileName),
            Format = format,
            SampleRate = request.SampleRate,
            StartFrame = start,
            EndFrame = end,
            Normalize = request.Normalize ?? false,
            NormalizePeakDb = request.NormalizePeakDb ?? -1.0,
            Stems = request.Stems ?? false,
            Dither = request.Dither ?? true,
            DitherSeed = request.DitherSeed ?? ExportOptions.DefaultDitherSeed,
        };
        // The engine has the last word on what it can render (e.g. other sample rates until resampling exists).
        foreach (var error in ExportRenderer.Validate(model, options)) v.Add(error.Field ?? "export", error.Message);
        if (v.HasErrors) return v.Result;

        var job = new ExportJob(id, projectId, project.Name, model, options, start ?? 0, end ?? ExportRenderer.ProjectEnd(model));
        if (!queue.TryEnqueue(job))
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Export queue full",
                $"{ExportQueue.Capacity} exports are already waiting; try again when one has finished.");
        return TypedResults.Accepted($"/api/exports/{id}", job.ToResponse());
    }

    public static Results<Ok<ExportJobResponse>, ProblemHttpResult> GetExport([FromRoute(Name = "export_id")] Guid exportId, ExportQueue queue) =>
        queue.TryGet(exportId, out var job) ? TypedResults.Ok(job.ToResponse()) : Problems.NotFound("export", exportId);

    public static Results<PhysicalFileHttpResult, ProblemHttpResult> GetMixFile([FromRoute(Name = "export_id")] Guid exportId, ExportQueue queue) =>
        Download(exportId, ExportQueue.MixFileName, queue);

    public static Results<PhysicalFileHttpResult, ProblemHttpResult> GetFile(
        [FromRoute(Name = "export_id")] Guid exportId, [FromRoute(Name = "name")] string name, ExportQueue queue) =>
        Download(exportId, name, queue);

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Download(Guid exportId, string name, ExportQueue queue)
    {
        if (!queue.TryGet(exportId, out var job)) return Problems.NotFound("export", exportId);
        var state = job.State;
        switch (state.Status)
        {
            case ExportStatus.Failed:
                return Problems.Conflict($"The export failed, so it has no files: {state.Error}");
            case not ExportStatus.Done:
                return Problems.Conflict(string.Create(CultureInfo.InvariantCulture,
                    $"The export is {state.Status.ToString().ToLowerInvariant()} ({state.Progress:P0}); download it when its status is done."));
        }
        // Only names the job itself lists are served, so a name can never reach outside the job's folder.
        var file = state.Result!.Files.FirstOrDefault(f => Path.GetFileName(f.Path) == name);
        if (file is null) return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"Export {exportId} has no file named '{name}'.");
        if (!File.Exists(file.Path))
            return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"The file '{name}' of export {exportId} was removed from the data folder.");
        var downloadName = file.TrackId is null ? $"{SafeFileName(job.ProjectName)}.wav" : $"{SafeFileName(job.ProjectName)} - {SafeFileName(file.Name)}.wav";
        return TypedResults.PhysicalFile(file.Path, "audio/wav", downloadName, enableRangeProcessing: true);
    }

    private static SampleFormat BitDepth(Validator v, JsonElement? value, int projectBitDepth)
    {
        string? text = value switch
        {
            null => projectBitDepth.ToString(CultureInfo.InvariantCulture),
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (SampleFormatExtensions.TryParseBitDepth(text, out var format)) return format;
        v.Add("bit_depth", $"bit_depth must be \"16\", \"24\", \"32\" or \"32f\" (float); it was {value?.GetRawText()}.");
        return SampleFormat.Pcm24;
    }

    private static long? Position(Validator v, string name, JsonElement? time, long? frame, TempoMap map)
    {
        var timeField = $"{name}_time";
        var frameField = $"{name}_frame";
        if (time is not null && frame is not null)
        {
            v.Add(timeField, $"Give {timeField} or {frameField}, not both.");
            return null;
        }
        if (time is { } t)
        {
            if (PositionParser.TryParse(t, PositionUnit.Seconds, map, out var f, out var error)) return f;
            v.Add(timeField, $"{timeField}: {error}");
            return null;
        }
        if (frame is { } fr)
        {
            if (PositionParser.TryFromFrames(fr, out var f, out var error)) return f;
            v.Add(frameField, $"{frameField}: {error}");
        }
        return null;
    }

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var s = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) || c == '"' ? '_' : c)]).Trim();
        return s.Length == 0 ? "export" : s;
    }

    private static string FormatName(SampleFormat format) => format switch
    {
        SampleFormat.Pcm16 => "16",
        SampleFormat.Pcm24 => "24",
        SampleFormat.Pcm32 => "32",
        SampleFormat.Float32 => "32f",
        _ => format.ToString(),
    };

    private static ExportJobResponse ToResponse(this ExportJob job)
    {
        var s = job.State;
        var rate = job.Project.SampleRate;
        var o = job.Options;
        ExportResultResponse? result = null;
        if (s.Result is { } r)
        {
            result = new ExportResultResponse(r.FramesWritten, FrameTime.ToSeconds(r.FramesWritten, r.SampleRate), r.SampleRate,
                r.PeakDbfs, r.ClippedSamples, r.NormalizeGainDb, r.Elapsed.TotalSeconds,
                [.. r.Files.Select(f => new ExportFileResponse(
                    Path.GetFileName(f.Path), f.TrackId, f.TrackId is null ? null : f.Name,
                    f.TrackId is null ? $"/api/exports/{job.Id}/file" : $"/api/exports/{job.Id}/files/{Uri.EscapeDataString(Path.GetFileName(f.Path))}",
                    File.Exists(f.Path) ? new FileInfo(f.Path).Length : 0, f.PeakDbfs, f.ClippedSamples))]);
        }
        return new ExportJobResponse(job.Id, job.ProjectId, s.Status, s.Progress, "wav", FormatName(o.Format), o.SampleRate ?? rate,
            job.StartFrame, FrameTime.ToSeconds(job.StartFrame, rate), job.EndFrame, FrameTime.ToSeconds(job.EndFrame, rate),
            o.Normalize, o.Stems, o.Dither, o.DitherSeed, job.CreatedAt, s.StartedAt, s.FinishedAt, result, s.Error);
    }
}
