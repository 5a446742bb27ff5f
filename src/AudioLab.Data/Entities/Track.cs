namespace AudioLab.Data.Entities;

/// <summary>One mixer strip of a project: level, pan, mute/solo, recording input and effect chain.</summary>
public sealed class Track
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public Project? Project { get; set; }

    /// <summary>Position of the track in the project, 0-based and unique within the project.</summary>
    public int Index { get; set; }

    public string Name { get; set; } = "";
    public double VolumeDb { get; set; }

    /// <summary>-1 (left) .. +1 (right).</summary>
    public double Pan { get; set; }

    public bool Mute { get; set; }
    public bool Solo { get; set; }
    public bool RecordEnabled { get; set; }
    public string? InputDeviceId { get; set; }

    /// <summary>Device input channels feeding the track, comma-separated 0-based indices ("0" mono, "0,1" stereo); null = device default.</summary>
    public string? InputChannels { get; set; }

    public bool MonitoringEnabled { get; set; } = true;

    /// <summary>"auto" (monitor while armed and recording), "on" or "off".</summary>
    public string MonitorMode { get; set; } = "auto";

    /// <summary>Display colour as "#rrggbb", or null.</summary>
    public string? Color { get; set; }

    /// <summary>The track's effect chain as a JSON array; opaque to the data layer.</summary>
    public string Effects { get; set; } = "[]";

    public List<Clip> Clips { get; set; } = [];
}
