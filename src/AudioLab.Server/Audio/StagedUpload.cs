namespace AudioLab.Server.Audio;

/// <summary>
/// An upload received into the data folder's <c>tmp/</c>. Disposing deletes the temporary file unless the
/// importer moved it into place, so a failure at any step leaves nothing behind.
/// </summary>
public sealed class StagedUpload(string tempPath, string? fileName, long bytes, IReadOnlyDictionary<string, string> fields) : IDisposable
{
    public string TempPath { get; } = tempPath;

    /// <summary>The client's file name: display only, never part of a path.</summary>
    public string? FileName { get; } = fileName;

    public long Bytes { get; } = bytes;

    /// <summary>The form's other fields (e.g. <c>start_time</c>), by name.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    public void Dispose()
    {
        if (File.Exists(TempPath)) File.Delete(TempPath);
    }
}
