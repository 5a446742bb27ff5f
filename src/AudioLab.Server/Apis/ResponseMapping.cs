using System.Text.Json;
using AudioLab.Core.Time;
using AudioLab.Data.Entities;
using AudioLab.Server.Contracts;

namespace AudioLab.Server.Apis;

/// <summary>Entities to API shapes: frames stay frames, and seconds are added beside them.</summary>
internal static class ResponseMapping
{
    public static ProjectResponse ToResponse(this Project p, int trackCount) =>
        new(p.Id, p.Name, p.SampleRate, p.BitDepth, p.Tempo, p.TimeSignature, ParseJson(p.MasterEffects), trackCount, p.CreatedAt, p.UpdatedAt);

    public static TrackResponse ToResponse(this Track t) =>
        new(t.Id, t.ProjectId, t.Index, t.Name, t.VolumeDb, t.Pan, t.Mute, t.Solo, t.RecordEnabled, t.InputDeviceId,
            ParseChannels(t.InputChannels), t.MonitoringEnabled, ParseMonitorMode(t.MonitorMode), t.Color, ParseJson(t.Effects));

    public static ClipResponse ToResponse(this Clip c, Guid projectId, int rate)
    {
        var file = c.AudioFile ?? throw new InvalidOperationException("Load the clip with its audio file.");
        return new(c.Id, c.TrackId, projectId, c.AudioFileId, rate,
            c.StartFrame, Seconds(c.StartFrame, rate),
            c.StartFrame + c.LengthFrames, Seconds(c.StartFrame + c.LengthFrames, rate),
            c.SourceOffsetFrames, Seconds(c.SourceOffsetFrames, rate),
            c.LengthFrames, Seconds(c.LengthFrames, rate),
            c.GainDb,
            c.FadeInFrames, Seconds(c.FadeInFrames, rate),
            c.FadeOutFrames, Seconds(c.FadeOutFrames, rate),
            c.InputLatencyFrames, c.OutputLatencyFrames, c.CalibrationFrames, c.CreatedAt,
            new AudioFileResponse(file.Id, file.OriginalName, file.Channels, file.SampleRate, file.LengthFrames,
                Seconds(file.LengthFrames, file.SampleRate), file.Sha256));
    }

    public static LoopRegionResponse ToResponse(this LoopRegion l, int rate) =>
        new(l.Id, l.ProjectId, l.Name, l.StartFrame, Seconds(l.StartFrame, rate), l.EndFrame, Seconds(l.EndFrame, rate),
            l.IsEnabled, l.RepeatCount, l.CreatedAt);

    private static double Seconds(long frames, int rate) => FrameTime.ToSeconds(frames, rate);

    private static JsonElement ParseJson(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    public static int[]? ParseChannels(string? text) =>
        string.IsNullOrEmpty(text) ? null : [.. text.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    public static string? FormatChannels(int[]? channels) =>
        channels is null or { Length: 0 } ? null : string.Join(',', channels);

    public static MonitorMode ParseMonitorMode(string text) => Enum.Parse<MonitorMode>(text, ignoreCase: true);

    public static string FormatMonitorMode(MonitorMode mode) => mode.ToString().ToLowerInvariant();
}
