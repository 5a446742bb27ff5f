using System.Security.Cryptography;
using AudioLab.Core.Audio;
using AudioLab.Core.Dsp;
using AudioLab.Data;
using AudioLab.Data.Entities;
using AudioLab.Server.Infrastructure;

namespace AudioLab.Server.Audio;

/// <summary>
/// Turns a staged WAV file into a stored audio file plus a clip on a track. A file already at the project
/// rate is kept byte for byte (its original bit depth and all); any other rate is converted with
/// <see cref="Resampler"/> into 32-bit float, which keeps the converter's full precision and any
/// inter-sample peaks above full scale. The file is moved into <c>audio/</c> under a generated name and
/// the rows are inserted in one transaction; on any failure the file is removed again.
/// </summary>
public sealed class AudioImporter(AudioLabDbContext db, DataFolder dataFolder)
{
    public const int MaxChannels = 2;
    private const int BlockFrames = 8192;

    /// <exception cref="AudioImportException">The file is not audio we accept; nothing was written.</exception>
    public async Task<Clip> ImportAsync(Track track, int projectRate, string stagedPath, string? originalName, long startFrame, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        var converted = dataFolder.NewTempPath(".wav");
        try
        {
            var (source, channels, frames) = Prepare(stagedPath, converted, projectRate);
            return await StoreAsync(track, source, originalName, channels, projectRate, frames, startFrame, ct);
        }
        finally
        {
            if (File.Exists(converted)) File.Delete(converted);
        }
    }

    /// <summary>Checks the upload and converts it when needed; returns the file to store.</summary>
    private static (string Path, int Channels, long Frames) Prepare(string stagedPath, string convertedPath, int projectRate)
    {
        WavReader reader;
        try
        {
            reader = WavReader.Open(stagedPath);
        }
        catch (WavFormatException e)
        {
            throw new AudioImportException(e.Message);
        }
        using (reader)
        {
            var info = reader.Info;
            if (info.IsTruncated)
                throw new AudioImportException($"The WAV file is cut short: its header promises {info.DeclaredFrames} frames but only {info.AvailableFrames} are there.");
            if (info.AvailableFrames == 0)
                throw new AudioImportException("The WAV file holds no audio.");
            if (info.Channels > MaxChannels)
                throw new AudioImportException($"The WAV file has {info.Channels} channels; a track takes mono or stereo audio.");
            if (info.SampleRate == projectRate)
                return (stagedPath, info.Channels, info.AvailableFrames);
            return (convertedPath, info.Channels, Convert(reader, convertedPath, projectRate));
        }
    }

    private static long Convert(WavReader reader, string path, int outputRate)
    {
        var channels = reader.Info.Channels;
        var resampler = new Resampler(channels, reader.Info.SampleRate, outputRate);
        using var writer = WavWriter.Create(path, channels, outputRate, SampleFormat.Float32);
        var input = new float[BlockFrames * channels];
        var output = new float[resampler.MaxOutputFrames(BlockFrames) * channels];
        int read;
        while ((read = reader.Read(input)) > 0)
        {
            var written = resampler.Process(input.AsSpan(0, read * channels), output);
            writer.Write(output.AsSpan(0, written * channels));
        }
        int tail;
        while ((tail = resampler.Flush(output)) > 0) writer.Write(output.AsSpan(0, tail * channels));
        return writer.FramesWritten;
    }

    private async Task<Clip> StoreAsync(Track track, string source, string? originalName, int channels, int rate, long frames, long startFrame, CancellationToken ct)
    {
        var now = DbClock.UtcNow;
        var file = new AudioFile
        {
            OriginalName = originalName,
            Channels = channels,
            SampleRate = rate,
            LengthFrames = frames,
            Sha256 = await HashAsync(source, ct),
            CreatedAt = now,
        };
        file.Path = DataFolder.NewAudioPath(file.Id);
        var clip = new Clip
        {
            TrackId = track.Id,
            AudioFileId = file.Id,
            AudioFile = file,
            StartFrame = startFrame,
            SourceOffsetFrames = 0,
            LengthFrames = frames,
            CreatedAt = now,
        };

        var stored = dataFolder.Resolve(file.Path);
        File.Move(source, stored);
        try
        {
            // Stored audio is never modified: make that the file system's rule too.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stored, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            db.AudioFiles.Add(file);
            db.Clips.Add(clip);
            await db.SaveChangesAsync(CancellationToken.None); // one transaction for both rows; not abandoned half-way
        }
        catch
        {
            File.Delete(stored);
            throw;
        }
        return clip;
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return System.Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
