using System.Text.Json;
using AudioLab.Core.Audio;
using AudioLab.Data;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Cli;

public sealed class ExportCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Export_command_writes_the_mix_and_stems_shows_progress_and_fails_clearly()
    {
        var root = Path.Combine(Path.GetTempPath(), $"audiolab-cli-export-{Guid.NewGuid():N}");
        var data = Path.Combine(root, "data");
        var output = Path.Combine(root, "mix.wav");
        var stems = Path.Combine(root, "stems");
        try
        {
            var (code, text) = await AudioLabProcess.RunAsync(Timeout, "projects", "create", "CLI export", "--data", data);
            Assert.True(code == 0, text);
            var project = JsonDocument.Parse(text).RootElement.Id();
            var database = AudioLabDatabase.FromConfiguration(null, data);
            // Constant levels: the mix is easy to state exactly. Left/right gains at the centre are cos/sin(pi/4).
            await DirectAudio.AddTrackAsync(database, data, project, 0, 48_000, 24_000, _ => 4096);
            var hard = await DirectAudio.AddTrackAsync(database, data, project, 1, 48_000, 12_000, _ => -2048, pan: 1, startFrame: 6_000);

            (code, text) = await AudioLabProcess.RunAsync(Timeout, "export", project.ToString(), "-o", output, "--bit-depth", "24", "--stems", stems, "--data", data);
            Assert.True(code == 0, text);
            Assert.Contains("Exporting [", text, StringComparison.Ordinal);
            Assert.Contains("100%", text, StringComparison.Ordinal);
            var (info, mix) = Exports.Planar(await File.ReadAllBytesAsync(output, TestContext.Current.CancellationToken));
            Assert.Equal(SampleFormat.Pcm24, info.Format);
            Assert.Equal(24_000, mix[0].Length);
            var centre = Math.Cos(Math.PI / 4);
            Assert.Equal(4096 / 32768.0 * centre, mix[0][100], 1e-6);
            Assert.Equal(4096 / 32768.0 * centre, mix[1][100], 1e-6);
            Assert.Equal(4096 / 32768.0 * centre, mix[0][10_000], 1e-6);
            Assert.Equal(4096 / 32768.0 * centre - 2048 / 32768.0, mix[1][10_000], 1e-6);
            var stemFiles = Directory.GetFiles(stems).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["mix.stem-01-Direct 1.wav", "mix.stem-02-Direct 2.wav"], stemFiles);
            Assert.Empty(Directory.GetFiles(root, "*.part"));

            (code, text) = await AudioLabProcess.RunAsync(Timeout, "export", Guid.Empty.ToString(), "-o", output, "--data", data);
            Assert.Equal(1, code);
            Assert.Contains("There is no project", text, StringComparison.Ordinal);

            (code, text) = await AudioLabProcess.RunAsync(Timeout, "export", project.ToString(), "-o", Path.Combine(root, "missing", "x.wav"), "--data", data);
            Assert.Equal(1, code);
            Assert.Contains("does not exist", text, StringComparison.Ordinal);

            (code, text) = await AudioLabProcess.RunAsync(Timeout, "export", project.ToString(), "-o", output, "--bit-depth", "20", "--data", data);
            Assert.Equal(1, code);
            Assert.Contains("--bit-depth must be", text, StringComparison.Ordinal);

            // A renderer failure (an audio file gone from the data folder) is reported and leaves no file behind.
            await using (var db = database.CreateContext())
            {
                var path = db.Clips.Where(c => c.TrackId == hard.Id).Select(c => c.AudioFile!.Path).Single();
                File.Delete(Path.Combine(data, path));
            }
            var failed = Path.Combine(root, "failed.wav");
            (code, text) = await AudioLabProcess.RunAsync(Timeout, "export", project.ToString(), "-o", failed, "--data", data);
            Assert.Equal(1, code);
            Assert.Contains("Export failed", text, StringComparison.Ordinal);
            Assert.False(File.Exists(failed));
            Assert.Empty(Directory.GetFiles(root, "*.part"));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
