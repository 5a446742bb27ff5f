namespace AudioLab.Engine.Recording;

/// <summary>
/// One line of the capture log (JSON, snake_case). <c>start</c> is written when a take's file is created, <c>end</c>
/// when it is closed, <c>saved</c> when the server has turned it into a clip; recovery looks for starts without a save.
/// </summary>
public sealed record CaptureLogEntry(
    string Event,
    Guid TakeId,
    Guid? RecordingId = null,
    Guid? TrackId = null,
    string? File = null,
    int? SampleRate = null,
    int? Channels = null,
    long? StartFrame = null,
    int? InputLatency = null,
    int? OutputLatency = null,
    int? Calibration = null,
    long? LengthFrames = null,
    long? LostFrames = null,
    DateTimeOffset? Time = null)
{
    public const string Start = "start";
    public const string End = "end";
    public const string Saved = "saved";
}
