namespace AudioLab.Data.Entities;

/// <summary>A loop range of a project (the plan's loop_regions, with frames instead of seconds).</summary>
public sealed class LoopRegion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public Project? Project { get; set; }
    public string Name { get; set; } = "Loop Region";
    public long StartFrame { get; set; }

    /// <summary>Exclusive end; always after <see cref="StartFrame"/>.</summary>
    public long EndFrame { get; set; }

    public bool IsEnabled { get; set; } = true;

    /// <summary>How many times the region plays; null = loop forever.</summary>
    public int? RepeatCount { get; set; }

    public DateTime CreatedAt { get; set; }
}
