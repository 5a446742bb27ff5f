using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AudioLab.Server.Audio;

/// <summary>
/// Streams a multipart/form-data upload straight into the data folder's <c>tmp/</c>, counting bytes so an
/// oversized file is refused (413) as soon as it passes the limit. Nothing is buffered in memory but form fields.
/// </summary>
public static class MultipartUpload
{
    public const string FileField = "file";
    private const int MaxFieldLength = 1024;
    private const int MaxFields = 16;

    /// <summary>Room for multipart boundaries and small fields around the file itself.</summary>
    private const long FramingAllowance = 1024 * 1024;

    public static async Task<StagedUpload> ReceiveAsync(HttpRequest request, string tempPath, long maxFileBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UploadException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the audio as multipart/form-data with the WAV file in the field '{FileField}'.");
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw new UploadException(StatusCodes.Status400BadRequest, "Bad request", "The multipart/form-data content type has no boundary.");
        if (request.ContentLength > maxFileBytes + FramingAllowance)
            throw TooLarge(maxFileBytes);

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = maxFileBytes + FramingAllowance;

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? fileName = null;
        long bytes = -1;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    throw new UploadException(StatusCodes.Status400BadRequest, "Bad request", "A part of the form has no form-data content disposition.");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (name == FileField)
                {
                    if (bytes >= 0) throw new UploadException(StatusCodes.Status400BadRequest, "Bad request", "Send one file per upload.");
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    bytes = await CopyLimitedAsync(section.Body, tempPath, maxFileBytes, ct);
                }
                else
                {
                    if (fields.Count >= MaxFields) throw new UploadException(StatusCodes.Status400BadRequest, "Bad request", "The form has too many fields.");
                    fields[name] = await ReadFieldAsync(section.Body, name, ct);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Delete(tempPath);
            throw TooLarge(maxFileBytes);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UploadException or OperationCanceledException)
        {
            Delete(tempPath);
            if (e is UploadException or OperationCanceledException) throw;
            throw new UploadException(StatusCodes.Status400BadRequest, "Bad request", $"The multipart form could not be read: {e.Message}");
        }
        if (bytes < 0)
            throw new UploadException(StatusCodes.Status400BadRequest, "Bad request", $"The form has no '{FileField}' field with the WAV file.");
        return new StagedUpload(tempPath, SafeDisplayName(fileName), bytes, fields);
    }

    private static async Task<long> CopyLimitedAsync(Stream source, string path, long limit, CancellationToken ct)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += n;
            if (total > limit) throw TooLarge(limit);
            await target.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        return total;
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldLength + 1];
        var total = 0;
        int n;
        while (total < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(total), ct)) > 0) total += n;
        if (total > MaxFieldLength)
            throw new UploadException(StatusCodes.Status400BadRequest, "Bad request", $"The form field '{name}' is longer than {MaxFieldLength} bytes.");
        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static UploadException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Upload too large",
            $"The upload is larger than the limit of {limit} bytes ({limit / (1024.0 * 1024.0):0.#} MiB).");

    /// <summary>Keeps only the last path segment and printable characters: the name is shown, never used as a path.</summary>
    private static string? SafeDisplayName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var last = name.Replace('\\', '/').Split('/').Last();
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? null : clean.Length > 255 ? clean[..255] : clean;
    }

    private static void Delete(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}
