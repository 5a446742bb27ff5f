namespace AudioLab.Data.Entities;

/// <summary>A song: its tracks, loop regions and master settings. Positions inside it are frames at <see cref="SampleRate"/>.</summary>
public sealed class Project
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public int SampleRate { get; set; } = 48_000;
    public int BitDepth { get; set; } = 24;
    public double Tempo { get; set; } = 120;
    public string TimeSignature { get; set; } = "4/4";

    /// <summary>The master bus effect chain as a JSON array; opaque to the data layer.</summary>
    public string MasterEffects { get; set; } = "[]";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<Track> Tracks { get; set; } = [];
    public List<LoopRegion> LoopRegions { get; set; } = [];
}
