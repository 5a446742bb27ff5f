using System.Security.Cryptography;
using AudioLab.Core.Audio;
using AudioLab.Data;
using AudioLab.Data.Entities;

namespace AudioLab.Server.Tests.Infrastructure;

/// <summary>
/// Puts audio into a project the way the server stores it (a WAV file under <c>audio/</c> plus audio file, track and
/// clip rows) without the HTTP upload, so long multitrack projects are quick to set up. Samples are 16-bit integers,
/// so a golden mix can be computed from the same formula without reading the files back.
/// </summary>
public static class DirectAudio
{
    public static async Task<Track> AddTrackAsync(AudioLabDatabase database, string dataFolder, Guid projectId, int index, int sampleRate,
        long frames, Func<long, short> sample, double volumeDb = 0, double pan = 0, long startFrame = 0, bool mute = false)
    {
        var fileId = Guid.CreateVersion7();
        var relative = $"audio/{fileId:N}.wav";
        var full = Path.Combine(dataFolder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using (var writer = WavWriter.Create(full, 1, sampleRate, SampleFormat.Pcm16))
        {
            var block = new float[8192];
            for (long done = 0; done < frames; done += block.Length)
            {
                var n = (int)Math.Min(block.Length, frames - done);
                for (var i = 0; i < n; i++) block[i] = sample(done + i) / 32768f;
                writer.Write(block.AsSpan(0, n));
            }
        }
        string sha;
        await using (var stream = File.OpenRead(full)) sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));

        await using var db = database.CreateContext();
        var now = DbClock.UtcNow;
        var file = new AudioFile { Id = fileId, Path = relative, OriginalName = $"direct-{index}.wav", Channels = 1, SampleRate = sampleRate, LengthFrames = frames, Sha256 = sha, CreatedAt = now };
        var track = new Track { ProjectId = projectId, Index = index, Name = $"Direct {index + 1}", VolumeDb = volumeDb, Pan = pan, Mute = mute };
        track.Clips.Add(new Clip { AudioFileId = fileId, StartFrame = startFrame, LengthFrames = frames, CreatedAt = now });
        db.AudioFiles.Add(file);
        db.Tracks.Add(track);
        await db.SaveChangesAsync();
        return track;
    }
}
