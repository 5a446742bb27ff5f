namespace AudioLab.Data.Entities;

/// <summary>A region of an audio file placed on a track's timeline. All positions are frames at the project rate.</summary>
public sealed class Clip
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrackId { get; set; }
    public Track? Track { get; set; }
    public Guid AudioFileId { get; set; }
    public AudioFile? AudioFile { get; set; }

    /// <summary>Timeline frame where the clip starts sounding.</summary>
    public long StartFrame { get; set; }

    /// <summary>Frame inside the audio file where the clip's region starts.</summary>
    public long SourceOffsetFrames { get; set; }

    public long LengthFrames { get; set; }
    public double GainDb { get; set; }
    public long FadeInFrames { get; set; }
    public long FadeOutFrames { get; set; }

    /// <summary>Input latency the recording was compensated by (null for imports); kept so a take can be realigned later.</summary>
    public long? InputLatencyFrames { get; set; }

    /// <summary>Output latency the recording was compensated by (null for imports).</summary>
    public long? OutputLatencyFrames { get; set; }

    /// <summary>Per-device calibration offset applied on top of the reported latencies (null for imports).</summary>
    public long? CalibrationFrames { get; set; }

    public DateTime CreatedAt { get; set; }
}
