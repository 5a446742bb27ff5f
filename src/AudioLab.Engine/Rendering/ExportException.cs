namespace AudioLab.Engine.Rendering;

/// <summary>An export that cannot start or could not finish; the message says why in words a user understands. No partial file is left.</summary>
public sealed class ExportException : Exception
{
    /// <summary>The option at fault (e.g. "sample_rate"), or null for an I/O failure.</summary>
    public string? Field { get; }

    public ExportException() { }

    public ExportException(string message) : base(message) { }

    public ExportException(string message, Exception innerException) : base(message, innerException) { }

    public ExportException(string field, string message) : base(message) => Field = field;
}
