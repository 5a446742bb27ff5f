namespace AudioLab.Server.Infrastructure;

/// <summary>The <c>AudioLab</c> configuration section.</summary>
public sealed class AudioLabOptions
{
    public const string Section = "AudioLab";

    /// <summary>Folder holding the SQLite database (by default) and every audio file.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Most tracks a project may hold.</summary>
    public int MaxTracks { get; set; } = 32;

    /// <summary>Largest audio upload accepted, in bytes of the file itself.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
