using System.Globalization;
using AudioLab.Data;
using AudioLab.Data.Entities;
using AudioLab.Server.Audio;
using AudioLab.Server.Contracts;
using AudioLab.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AudioLab.Server.Apis;

public static class ClipsApi
{
    public const int DefaultPeakWidth = 1000;
    public const int MaxPeaks = 100_000;

    public static IEndpointRouteBuilder MapClipsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tracks/{track_id:guid}/clips", UploadClip).WithTags("Clips")
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload a WAV file (form field 'file', optional 'start_time' seconds or 'start_frame') as a new clip")
            .DisableAntiforgery();
        app.MapGet("/api/projects/{project_id:guid}/clips", ListClips).WithTags("Clips").WithSummary("List a project's clips by track and start");

        var clips = app.MapGroup("/api/clips").WithTags("Clips");
        clips.MapGet("/{clip_id:guid}", GetClip).WithSummary("Get a clip");
        clips.MapPatch("/{clip_id:guid}", UpdateClip).WithSummary("Move, trim, change gain or fades, or move to another track of the project");
        clips.MapDelete("/{clip_id:guid}", DeleteClip).WithSummary("Delete a clip (its audio file stays)");
        clips.MapGet("/{clip_id:guid}/audio", GetClipAudio).WithSummary("The clip's source region as a WAV file in the stored format")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav");
        clips.MapGet("/{clip_id:guid}/peaks", GetClipPeaks).WithSummary("Min/max pairs per channel for drawing the waveform");
        return app;
    }

    public static async Task<Results<Created<ClipResponse>, ProblemHttpResult>> UploadClip(
        [FromRoute(Name = "track_id")] Guid trackId, HttpRequest request, AudioLabDbContext db, DataFolder dataFolder,
        AudioImporter importer, IOptions<AudioLabOptions> options, CancellationToken ct)
    {
        var track = await db.Tracks.Include(t => t.Project).FirstOrDefaultAsync(t => t.Id == trackId, ct);
        if (track is null) return Problems.NotFound("track", trackId);
        var rate = track.Project!.SampleRate;

        StagedUpload upload;
        try
        {
            upload = await MultipartUpload.ReceiveAsync(request, dataFolder.NewTempPath(".upload"), options.Value.MaxUploadBytes, ct);
        }
        catch (UploadException e)
        {
            return Problems.Status(e.StatusCode, e.Title, e.Message);
        }

        using (upload)
        {
            var v = new Validator();
            var start = v.Position("start", ParseNumber(v, upload.Fields, "start_time"), ParseWhole(v, upload.Fields, "start_frame"), rate) ?? 0;
            if (v.HasErrors) return v.Result;
            try
            {
                var clip = await importer.ImportAsync(track, rate, upload.TempPath, upload.FileName, start, ct);
                return TypedResults.Created($"/api/clips/{clip.Id}", clip.ToResponse(track.ProjectId, rate));
            }
            catch (AudioImportException e)
            {
                return Problems.Invalid("file", e.Message);
            }
        }
    }

    public static async Task<Results<Ok<List<ClipResponse>>, ProblemHttpResult>> ListClips(
        [FromRoute(Name = "project_id")] Guid projectId, AudioLabDbContext db, CancellationToken ct)
    {
        var rate = await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.SampleRate).FirstOrDefaultAsync(ct);
        if (rate is null) return Problems.NotFound("project", projectId);
        var clips = await db.Clips.AsNoTracking().Include(c => c.AudioFile)
            .Where(c => c.Track!.ProjectId == projectId)
            .OrderBy(c => c.Track!.Index).ThenBy(c => c.StartFrame).ThenBy(c => c.Id)
            .ToListAsync(ct);
        return TypedResults.Ok(clips.Select(c => c.ToResponse(projectId, rate.Value)).ToList());
    }

    public static async Task<Results<Ok<ClipResponse>, ProblemHttpResult>> GetClip(
        [FromRoute(Name = "clip_id")] Guid clipId, AudioLabDbContext db, CancellationToken ct)
    {
        var clip = await LoadAsync(db.Clips.AsNoTracking(), clipId, ct);
        return clip is null ? Problems.NotFound("clip", clipId) : TypedResults.Ok(clip.ToResponse(clip.Track!.ProjectId, clip.Track.Project!.SampleRate));
    }

    public static async Task<Results<Ok<ClipResponse>, ProblemHttpResult>> UpdateClip(
        [FromRoute(Name = "clip_id")] Guid clipId, UpdateClipRequest request, AudioLabDbContext db, CancellationToken ct)
    {
        var clip = await LoadAsync(db.Clips, clipId, ct);
        if (clip is null) return Problems.NotFound("clip", clipId);
        var projectId = clip.Track!.ProjectId;
        var rate = clip.Track.Project!.SampleRate;
        var fileLength = clip.AudioFile!.LengthFrames;

        var v = new Validator();
        var start = v.Position("start", request.StartTime, request.StartFrame, rate) ?? clip.StartFrame;
        var offset = request.SourceOffsetFrames ?? clip.SourceOffsetFrames;
        var length = request.LengthFrames ?? clip.LengthFrames;
        var fadeIn = request.FadeInFrames ?? clip.FadeInFrames;
        var fadeOut = request.FadeOutFrames ?? clip.FadeOutFrames;
        v.Range("source_offset_frames", request.SourceOffsetFrames, 0, fileLength - 1);
        v.Range("length_frames", request.LengthFrames, 1, fileLength);
        v.Range("gain_db", request.GainDb, Validator.MinDb, Validator.MaxGainDb, " dB");
        v.Range("fade_in_frames", request.FadeInFrames, 0, long.MaxValue);
        v.Range("fade_out_frames", request.FadeOutFrames, 0, long.MaxValue);
        if (!v.HasErrors && offset + length > fileLength)
            v.Add("length_frames", $"The clip would read past the end of its audio file: source_offset_frames ({offset}) + length_frames ({length}) must be at most {fileLength}.");
        if (!v.HasErrors && fadeIn + fadeOut > length)
            v.Add("fade_in_frames", $"The fades ({fadeIn} + {fadeOut} frames) must fit in the clip's {length} frames.");
        if (request.TrackId is { } targetTrack && targetTrack != clip.TrackId
            && !await db.Tracks.AnyAsync(t => t.Id == targetTrack && t.ProjectId == projectId, ct))
            v.Add("track_id", $"There is no track {targetTrack} in this clip's project.");
        if (v.HasErrors) return v.Result;

        if (request.TrackId is { } trackId) clip.TrackId = trackId;
        clip.StartFrame = start;
        clip.SourceOffsetFrames = offset;
        clip.LengthFrames = length;
        if (request.GainDb is { } gain) clip.GainDb = gain;
        clip.FadeInFrames = fadeIn;
        clip.FadeOutFrames = fadeOut;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(clip.ToResponse(projectId, rate));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteClip(
        [FromRoute(Name = "clip_id")] Guid clipId, AudioLabDbContext db, CancellationToken ct)
    {
        var deleted = await db.Clips.Where(c => c.Id == clipId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("clip", clipId) : TypedResults.NoContent();
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetClipAudio(
        [FromRoute(Name = "clip_id")] Guid clipId, AudioLabDbContext db, ClipAudio audio, CancellationToken ct)
    {
        var clip = await LoadAsync(db.Clips.AsNoTracking(), clipId, ct);
        if (clip is null) return Problems.NotFound("clip", clipId);
        var stream = audio.OpenRegionAsWav(clip);
        return TypedResults.Stream(stream, "audio/wav", $"clip-{clip.Id}.wav");
    }

    public static async Task<Results<Ok<PeaksResponse>, ProblemHttpResult>> GetClipPeaks(
        [FromRoute(Name = "clip_id")] Guid clipId, [FromQuery(Name = "frames_per_peak")] long? framesPerPeak, [FromQuery(Name = "width")] int? width,
        AudioLabDbContext db, ClipAudio audio, CancellationToken ct)
    {
        var clip = await LoadAsync(db.Clips.AsNoTracking(), clipId, ct);
        if (clip is null) return Problems.NotFound("clip", clipId);
        if (framesPerPeak is not null && width is not null) return Problems.Invalid("width", "Give width or frames_per_peak, not both.");
        if (width is < 1 or > MaxPeaks) return Problems.Invalid("width", $"width must be 1 to {MaxPeaks} peaks; it was {width}.");
        if (framesPerPeak is < 1) return Problems.Invalid("frames_per_peak", $"frames_per_peak must be at least 1; it was {framesPerPeak}.");
        var perPeak = framesPerPeak ?? Math.Max(1, (clip.LengthFrames + (width ?? DefaultPeakWidth) - 1) / (width ?? DefaultPeakWidth));
        var count = (clip.LengthFrames + perPeak - 1) / perPeak;
        if (count > MaxPeaks)
            return Problems.Invalid("frames_per_peak", $"frames_per_peak {perPeak} gives {count} peaks for this clip; at most {MaxPeaks} are returned. Use a larger value.");

        var peaks = audio.BuildPeaks(clip, perPeak, MaxPeaks);
        return TypedResults.Ok(new PeaksResponse(clip.Id, peaks.Channels, clip.AudioFile!.SampleRate, clip.LengthFrames, perPeak, peaks.PeakCount, peaks.Peaks));
    }

    private static Task<Clip?> LoadAsync(IQueryable<Clip> clips, Guid clipId, CancellationToken ct) =>
        clips.Include(c => c.AudioFile).Include(c => c.Track!).ThenInclude(t => t.Project).FirstOrDefaultAsync(c => c.Id == clipId, ct);

    private static double? ParseNumber(Validator v, IReadOnlyDictionary<string, string> fields, string name)
    {
        if (!fields.TryGetValue(name, out var text)) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        v.Add(name, $"{name} must be a number of seconds; it was \"{text}\".");
        return null;
    }

    private static long? ParseWhole(Validator v, IReadOnlyDictionary<string, string> fields, string name)
    {
        if (!fields.TryGetValue(name, out var text)) return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        v.Add(name, $"{name} must be a whole number of frames; it was \"{text}\".");
        return null;
    }
}
