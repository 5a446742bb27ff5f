using System.Text.Json;
using AudioLab.Core.Audio;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Cli;

public sealed class ScriptingCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Projects_create_list_and_import_work_on_the_data_folder()
    {
        var data = Path.Combine(Path.GetTempPath(), $"audiolab-cli-{Guid.NewGuid():N}");
        var wav = Path.Combine(Path.GetTempPath(), $"audiolab-cli-{Guid.NewGuid():N}.wav");
        try
        {
            var (code, output) = await AudioLabProcess.RunAsync(Timeout, "projects", "create", "CLI song", "--data", data);
            Assert.True(code == 0, output);
            var project = JsonDocument.Parse(output).RootElement;
            Assert.Equal("CLI song", project.GetProperty("name").GetString());

            (code, output) = await AudioLabProcess.RunAsync(Timeout, "projects", "--data", data);
            Assert.True(code == 0, output);
            Assert.Equal(project.Id(), Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray()).Id());

            // A track is added the way a script would, through the same database, then a file is imported onto it.
            var trackId = await AddTrackAsync(data, project.Id());
            await File.WriteAllBytesAsync(wav, TestWav.Sine(44_100, 1, SampleFormat.Pcm16, 44_100, 440, 0.5), TestContext.Current.CancellationToken);
            (code, output) = await AudioLabProcess.RunAsync(Timeout, "import", "--project", project.Id().ToString(), "--track", trackId.ToString(),
                wav, "--start-time", "2", "--data", data);
            Assert.True(code == 0, output);
            var clip = JsonDocument.Parse(output).RootElement;
            Assert.Equal(96_000, clip.GetProperty("start_frame").GetInt64());
            Assert.Equal(48_000, clip.GetProperty("length_frames").GetInt64());
            Assert.Single(Directory.GetFiles(Path.Combine(data, "audio")));
            Assert.Empty(Directory.GetFiles(Path.Combine(data, "tmp")));

            // A file that is not audio is refused with the reader's message and leaves nothing behind.
            await File.WriteAllTextAsync(wav, "not audio", TestContext.Current.CancellationToken);
            (code, output) = await AudioLabProcess.RunAsync(Timeout, "import", "--project", project.Id().ToString(), "--track", trackId.ToString(), wav, "--data", data);
            Assert.Equal(1, code);
            Assert.Contains("WAV", output, StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(Path.Combine(data, "audio")));
            Assert.Empty(Directory.GetFiles(Path.Combine(data, "tmp")));
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
            File.Delete(wav);
        }
    }

    private static async Task<Guid> AddTrackAsync(string data, Guid projectId)
    {
        var database = AudioLab.Data.AudioLabDatabase.FromConfiguration(null, data);
        await using var db = database.CreateContext();
        var track = new AudioLab.Data.Entities.Track { ProjectId = projectId, Index = 0, Name = "Track 1" };
        db.Tracks.Add(track);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return track.Id;
    }
}
