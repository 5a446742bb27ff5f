namespace AudioLab.Server.Audio;

/// <summary>An upload refused before its content was looked at (too large, not multipart, no file field).</summary>
public sealed class UploadException(int statusCode, string title, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Title { get; } = title;
}
