namespace AudioLab.Server.Infrastructure;

/// <summary>
/// The data folder: <c>audio/</c> holds stored WAV files (named by the server, never by a client),
/// <c>tmp/</c> holds uploads while they are checked. Paths in the database are relative to <see cref="Root"/>.
/// </summary>
public sealed class DataFolder
{
    public const string AudioDirectoryName = "audio";
    public const string TempDirectoryName = "tmp";

    public DataFolder(string root)
    {
        Root = Path.GetFullPath(root);
        AudioDirectory = Path.Combine(Root, AudioDirectoryName);
        TempDirectory = Path.Combine(Root, TempDirectoryName);
    }

    public string Root { get; }
    public string AudioDirectory { get; }
    public string TempDirectory { get; }

    public void EnsureCreated()
    {
        Directory.CreateDirectory(AudioDirectory);
        Directory.CreateDirectory(TempDirectory);
    }

    /// <summary>Deletes what a crash left in <c>tmp/</c>: half-received uploads are never worth keeping.</summary>
    public void ClearTemp()
    {
        foreach (var file in Directory.EnumerateFiles(TempDirectory))
        {
            try { File.Delete(file); }
            catch (IOException) { } // in use by another instance sharing the folder; it cleans up after itself
        }
    }

    /// <summary>A fresh file name in <c>tmp/</c> (same file system as <c>audio/</c>, so moving it is atomic).</summary>
    public string NewTempPath(string extension = ".tmp") => Path.Combine(TempDirectory, Guid.NewGuid().ToString("N") + extension);

    /// <summary>The relative path for a newly stored audio file.</summary>
    public static string NewAudioPath(Guid id) => $"{AudioDirectoryName}/{id:N}.wav";

    /// <summary>Turns a stored relative path into a full path, refusing anything that would leave the data folder.</summary>
    public string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"The stored path '{relativePath}' leaves the data folder.");
        return full;
    }
}
