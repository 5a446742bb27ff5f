using AudioLab.Core.Audio;
using AudioLab.Data.Entities;
using AudioLab.Server.Infrastructure;

namespace AudioLab.Server.Audio;

/// <summary>Reads a clip's region of its stored file: as a new WAV file, or as waveform peaks. Both stream in blocks.</summary>
public sealed class ClipAudio(DataFolder dataFolder)
{
    private const int BlockFrames = 8192;

    /// <summary>
    /// Writes the clip's source region (no gain or fades) as WAV in the stored file's sample format, so a
    /// 16- or 24-bit file comes back sample-identical. The file goes to the system temp folder and is deleted
    /// when the returned stream is closed.
    /// </summary>
    public Stream OpenRegionAsWav(Clip clip)
    {
        var file = clip.AudioFile ?? throw new InvalidOperationException("Load the clip with its audio file.");
        var tempPath = Path.Combine(Path.GetTempPath(), $"audiolab-clip-{Guid.NewGuid():N}.wav");
        try
        {
            using (var reader = WavReader.Open(dataFolder.Resolve(file.Path)))
            using (var writer = WavWriter.Create(tempPath, reader.Info.Channels, reader.Info.SampleRate, reader.Info.Format))
            {
                Copy(reader, clip, (block, _) => writer.Write(block));
            }
            return new FileStream(tempPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>Min/max pairs of the clip's region, <paramref name="framesPerPeak"/> frames each.</summary>
    public PeakBuilder BuildPeaks(Clip clip, long framesPerPeak, int maxPeaks)
    {
        var file = clip.AudioFile ?? throw new InvalidOperationException("Load the clip with its audio file.");
        using var reader = WavReader.Open(dataFolder.Resolve(file.Path));
        var peaks = new PeakBuilder(reader.Info.Channels, clip.LengthFrames, framesPerPeak, maxPeaks);
        Copy(reader, clip, (block, _) => peaks.Add(block));
        return peaks;
    }

    private static void Copy(WavReader reader, Clip clip, Action<ReadOnlySpan<float>, int> sink)
    {
        var channels = reader.Info.Channels;
        var buffer = new float[BlockFrames * channels];
        reader.Seek(clip.SourceOffsetFrames);
        var remaining = clip.LengthFrames;
        while (remaining > 0)
        {
            var want = (int)Math.Min(BlockFrames, remaining);
            var got = reader.Read(buffer.AsSpan(0, want * channels));
            if (got == 0) throw new InvalidDataException("The stored audio file is shorter than its clip; the data folder was changed behind the server's back.");
            sink(buffer.AsSpan(0, got * channels), got);
            remaining -= got;
        }
    }
}
