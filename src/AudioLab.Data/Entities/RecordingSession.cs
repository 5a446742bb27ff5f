namespace AudioLab.Data.Entities;

/// <summary>One recording pass on a track (the plan's recording_sessions, with frames instead of seconds).</summary>
public sealed class RecordingSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrackId { get; set; }
    public Track? Track { get; set; }
    public string InputDeviceId { get; set; } = "";
    public long StartFrame { get; set; }

    /// <summary>Null while the recording is still running.</summary>
    public long? DurationFrames { get; set; }

    /// <summary>"recording", "stopped" or "saved".</summary>
    public string Status { get; set; } = "recording";

    public DateTime CreatedAt { get; set; }
}
