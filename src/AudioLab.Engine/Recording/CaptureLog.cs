using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AudioLab.Engine.Recording;

/// <summary>
/// An append-only, fsync'd log of takes (Ardour's <c>.reclog</c> idea): after a crash it says which WAV files hold
/// takes that never became clips, where they start and with which latency terms. One JSON object per line; a line torn
/// by a crash is skipped on reading. Disk-writer and control threads; never the audio thread.
/// </summary>
public sealed class CaptureLog
{
    public const string FileName = "capture.log";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Lock _gate = new();

    /// <summary>Uses (and creates) <paramref name="directory"/>/capture.log.</summary>
    public CaptureLog(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        Folder = directory;
        Path = System.IO.Path.Combine(directory, FileName);
    }

    /// <summary>The folder holding the log and the take files.</summary>
    public string Folder { get; }

    public string Path { get; }

    /// <summary>Appends one line and fsyncs it. Thread-safe; does I/O.</summary>
    public void Append(CaptureLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        lock (_gate)
        {
            using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
            if (stream.Length > 0)
            {
                // A crash can leave a torn last line; start on a fresh line so this entry is not glued to it.
                stream.Position = stream.Length - 1;
                if (stream.ReadByte() != '\n') stream.WriteByte((byte)'\n');
            }
            stream.Position = stream.Length;
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Records that the take is now a clip, so recovery leaves it alone. Thread-safe; does I/O.</summary>
    public void MarkSaved(Guid takeId) => Append(new CaptureLogEntry(CaptureLogEntry.Saved, takeId, Time: DateTimeOffset.UtcNow));

    /// <summary>Every readable line, in order (torn or foreign lines are skipped). Does I/O.</summary>
    public IReadOnlyList<CaptureLogEntry> ReadAll()
    {
        var result = new List<CaptureLogEntry>();
        if (!File.Exists(Path)) return result;
        string[] lines;
        lock (_gate) lines = File.ReadAllLines(Path);
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (JsonSerializer.Deserialize<CaptureLogEntry>(line, Json) is { Event.Length: > 0 } entry) result.Add(entry);
            }
            catch (JsonException)
            {
                // A line cut short by a crash: the take it started has no file worth recovering or will be found by its own start line.
            }
        }
        return result;
    }
}
