using AudioLab.Core.Audio;

namespace AudioLab.Engine.Recording;

/// <summary>
/// Finds takes that were recorded but never saved (a crash, a kill, a power cut): every take the capture log started and
/// never marked saved whose WAV file still holds audio. A take cut by a crash is readable up to its last header flush
/// (at most a second before the crash). Run at start-up, before new recordings. Control thread; does I/O.
/// </summary>
public static class CaptureRecovery
{
    public static IReadOnlyList<RecoveredTake> Scan(CaptureLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var starts = new Dictionary<Guid, CaptureLogEntry>();
        var ends = new Dictionary<Guid, CaptureLogEntry>();
        var saved = new HashSet<Guid>();
        var order = new List<Guid>();
        foreach (var e in log.ReadAll())
        {
            switch (e.Event)
            {
                case CaptureLogEntry.Start:
                    if (starts.TryAdd(e.TakeId, e)) order.Add(e.TakeId);
                    break;
                case CaptureLogEntry.End:
                    ends[e.TakeId] = e;
                    break;
                case CaptureLogEntry.Saved:
                    saved.Add(e.TakeId);
                    break;
            }
        }

        var result = new List<RecoveredTake>();
        foreach (var id in order)
        {
            if (saved.Contains(id)) continue;
            var start = starts[id];
            if (start.File is not { Length: > 0 } file) continue;
            var path = Path.IsPathRooted(file) ? file : Path.Combine(log.Folder, file);
            if (!File.Exists(path)) continue;
            WavInfo info;
            try
            {
                info = WavReader.Probe(path);
            }
            catch (Exception ex) when (ex is WavFormatException or IOException or UnauthorizedAccessException)
            {
                continue; // killed before its header was ever flushed: nothing readable
            }
            var length = Math.Min(info.AvailableFrames, info.DeclaredFrames);
            if (length <= 0) continue;
            ends.TryGetValue(id, out var end);
            var take = new RecordedTake(
                id,
                start.RecordingId ?? Guid.Empty,
                start.TrackId ?? Guid.Empty,
                path,
                info.SampleRate,
                info.Channels,
                start.StartFrame ?? 0,
                length,
                new LatencyTerms(start.InputLatency ?? 0, start.OutputLatency ?? 0, start.Calibration ?? 0),
                end?.LostFrames ?? 0);
            result.Add(new RecoveredTake(take, end is not null));
        }
        return result;
    }
}
