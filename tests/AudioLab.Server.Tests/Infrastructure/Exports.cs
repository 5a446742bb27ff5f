using System.Net;
using System.Text.Json;
using AudioLab.Core.Audio;

namespace AudioLab.Server.Tests.Infrastructure;

/// <summary>Starting export jobs, waiting for them, and reading WAV files as planar channels.</summary>
public static class Exports
{
    public static async Task<JsonElement> StartExportAsync(this HttpClient client, Guid projectId, string json = "{}")
    {
        var response = await client.PostRawAsync($"/api/projects/{projectId}/export", json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var job = JsonDocument.Parse(text).RootElement;
        Assert.Equal($"/api/exports/{job.Id()}", response.Headers.Location?.OriginalString);
        return job;
    }

    /// <summary>Polls the job until it is done or failed; checks that progress never goes backwards on the way.</summary>
    public static async Task<JsonElement> WaitAsync(this HttpClient client, Guid exportId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        var last = 0.0;
        while (true)
        {
            var job = await (await client.GetAsync($"/api/exports/{exportId}")).JsonAsync();
            var progress = job.GetProperty("progress").GetDouble();
            Assert.InRange(progress, last, 1.0);
            last = progress;
            var status = job.GetProperty("status").GetString();
            Assert.Contains(status, new[] { "queued", "running", "done", "failed" });
            if (status is "done" or "failed") return job;
            Assert.True(DateTime.UtcNow < deadline, $"export {exportId} still {status} at {progress:P0}");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> ExportDoneAsync(this HttpClient client, Guid projectId, string json = "{}")
    {
        var job = await client.WaitAsync((await client.StartExportAsync(projectId, json)).Id());
        Assert.True(job.GetProperty("status").GetString() == "done", job.GetRawText());
        return job;
    }

    public static async Task<byte[]> DownloadAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A WAV file's channels, each as one array.</summary>
    public static (WavInfo Info, float[][] Channels) Planar(byte[] wav)
    {
        var (info, samples) = TestWav.Read(wav);
        var channels = new float[info.Channels][];
        var frames = samples.Length / info.Channels;
        for (var c = 0; c < info.Channels; c++)
        {
            channels[c] = new float[frames];
            for (var f = 0; f < frames; f++) channels[c][f] = samples[f * info.Channels + c];
        }
        return (info, channels);
    }

    /// <summary>Largest difference between exported and expected samples, in LSBs of <paramref name="bits"/>-bit audio.</summary>
    public static double MaxErrorLsb(float[][] actual, double[][] expected, int bits)
    {
        var lsb = Math.ScaleB(1.0, -(bits - 1));
        double worst = 0;
        for (var c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c].Length, actual[c].Length);
            for (var i = 0; i < expected[c].Length; i++) worst = Math.Max(worst, Math.Abs(actual[c][i] - expected[c][i]) / lsb);
        }
        return worst;
    }

    /// <summary>Constant-power pan law gains (-3 dB at the centre) times the volume, written out from the textbook.</summary>
    public static (double Left, double Right) Gains(double volumeDb, double pan)
    {
        var theta = (pan + 1) * Math.PI / 4;
        var v = Math.Pow(10, volumeDb / 20);
        return (v * Math.Cos(theta), v * Math.Sin(theta));
    }
}
