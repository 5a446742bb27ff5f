using System.Net;
using AudioLab.Core.Audio;
using AudioLab.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AudioLab.Server.Tests.Apis;

/// <summary>
/// Devices, transport, recording and meters through HTTP on the virtual device in loopback (301 frames, real-time clock,
/// SQLite): an overdub recorded over clicks comes back as a clip aligned at 0 frames.
/// </summary>
public sealed class LiveAudioApiTests : IAsyncLifetime
{
    private static readonly int[] Clicks = [4_801, 30_007, 52_013, 77_777, 100_003, 123_457, 150_001, 171_111];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"audiolab-live-{Guid.NewGuid():N}");
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _factory = new AudioLabFactory(_folder, null).WithWebHostBuilder(b => b
            .UseSetting("Audio:Backend", "virtual")
            .UseSetting("Audio:BufferFrames", "128")
            .UseSetting("Audio:Virtual:Input", "loopback")
            .UseSetting("Audio:Virtual:LatencyFrames", "301"));
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Devices_are_listed_with_channels_and_latencies()
    {
        var devices = await (await _client.GetAsync("/api/devices", Ct)).JsonAsync();
        var v = devices.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "virtual");
        Assert.Equal(2, v.GetProperty("input_channels").GetInt32());
        Assert.Equal(2, v.GetProperty("output_channels").GetInt32());
        Assert.Equal(48_000, v.GetProperty("default_sample_rate").GetInt32());
        Assert.Equal(301, v.GetProperty("input_latency_frames").GetInt32() + v.GetProperty("output_latency_frames").GetInt32());
        Assert.Equal("Virtual", v.GetProperty("host_api").GetString());
    }

    [Fact]
    public async Task An_overdub_recorded_through_the_api_becomes_a_clip_aligned_with_the_backing()
    {
        var project = (await _client.CreateProjectAsync()).Id();
        var backing = (await _client.CreateTrackAsync(project)).Id();
        var overdub = (await _client.CreateTrackAsync(project, """{"monitor_mode":"off","input_channels":[0],"record_enabled":true}""")).Id();
        var clicks = TestWav.Create(48_000, 1, SampleFormat.Float32, 192_000, (f, _) => Clicks.Contains(f) ? 0.8f : 0f);
        await _client.UploadOkAsync(backing, clicks);

        var play = await (await _client.PostAsync($"/api/projects/{project}/playback/play?position=0", null, Ct)).JsonAsync();
        Assert.True(play.GetProperty("is_playing").GetBoolean());
        var started = await _client.PostAsync($"/api/tracks/{overdub}/record/start?device_id=virtual", null, Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var row = await started.JsonAsync();
        Assert.Equal("recording", row.GetProperty("status").GetString());
        Assert.Equal("virtual", row.GetProperty("input_device_id").GetString());

        await (await _client.PostAsync($"/api/tracks/{overdub}/record/start", null, Ct)).AssertProblemAsync(409);
        await (await _client.PostAsync($"/api/tracks/{backing}/record/start?device_id=nope", null, Ct)).AssertProblemAsync(404);

        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        var position = await (await _client.GetAsync($"/api/projects/{project}/playback/position", Ct)).JsonAsync();
        Assert.True(position.GetProperty("is_playing").GetBoolean());
        Assert.True(position.GetProperty("frame").GetInt64() > 48_000);
        Assert.Equal(position.GetProperty("frame").GetInt64() / 48_000.0, position.GetProperty("position").GetDouble(), 9);

        var meters = await (await _client.GetAsync($"/api/projects/{project}/meters", Ct)).JsonAsync();
        Assert.True(meters.GetProperty("is_live").GetBoolean());
        Assert.Equal(2, meters.GetProperty("inputs").GetArrayLength());
        Assert.Equal(2, meters.GetProperty("tracks").GetArrayLength());
        Assert.True(meters.GetProperty("master_left").GetProperty("peak_hold_db").GetDouble() > -10); // a click at 0.8 × 0.707

        var stopped = await _client.PostAsync($"/api/tracks/{overdub}/record/stop", null, Ct);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var clip = await stopped.JsonAsync();
        Assert.Equal(overdub, clip.GetProperty("track_id").GetGuid());
        Assert.Equal(301, clip.GetProperty("input_latency_frames").GetInt64() + clip.GetProperty("output_latency_frames").GetInt64());
        Assert.Equal(0, clip.GetProperty("calibration_frames").GetInt64());
        var start = clip.GetProperty("start_frame").GetInt64();

        // The take's clicks sit exactly on the backing's clicks.
        var audio = await _client.GetByteArrayAsync($"/api/clips/{clip.Id()}/audio", Ct);
        var (info, samples) = TestWav.Read(audio);
        Assert.Equal(SampleFormat.Pcm24, info.Format);
        var found = Enumerable.Range(0, samples.Length).Where(i => Math.Abs(samples[i]) > 0.1f).Select(i => start + i).ToArray();
        Assert.True(found.Length >= 3, $"only {found.Length} clicks in the take");
        Assert.All(found, f => Assert.Contains((int)f, Clicks));

        await (await _client.PostAsync($"/api/tracks/{overdub}/record/stop", null, Ct)).AssertProblemAsync(409);
        var stop = await (await _client.PostAsync($"/api/projects/{project}/playback/stop", null, Ct)).JsonAsync();
        Assert.False(stop.GetProperty("is_playing").GetBoolean());

        await using var db = AudioLab.Data.AudioLabDatabase.FromConfiguration(null, _folder).CreateContext();
        var session = await db.RecordingSessions.SingleAsync(r => r.TrackId == overdub, Ct);
        Assert.Equal("saved", session.Status);
        Assert.Equal(start, session.StartFrame);
        Assert.True(session.DurationFrames > 48_000);
        Assert.Equal(2, await db.Clips.CountAsync(c => c.Track!.ProjectId == project, Ct));
    }

    [Fact]
    public async Task Bad_transport_and_recording_requests_get_clear_problems()
    {
        var project = (await _client.CreateProjectAsync()).Id();
        var track = (await _client.CreateTrackAsync(project, """{"input_channels":[1]}""")).Id();
        var unknown = Guid.NewGuid();
        await (await _client.PostAsync($"/api/projects/{unknown}/playback/play", null, Ct)).AssertProblemAsync(404);
        await (await _client.GetAsync($"/api/projects/{unknown}/playback/position", Ct)).AssertProblemAsync(404);
        await (await _client.GetAsync($"/api/projects/{unknown}/meters", Ct)).AssertProblemAsync(404);
        await (await _client.PostAsync($"/api/tracks/{unknown}/record/start", null, Ct)).AssertProblemAsync(404);
        await (await _client.PostAsync($"/api/tracks/{unknown}/record/stop", null, Ct)).AssertProblemAsync(404);
        Assert.Contains("position", await (await _client.PostAsync($"/api/projects/{project}/playback/play?position=-1", null, Ct)).AssertProblemAsync(422));
        Assert.Contains("position", await (await _client.PostAsync($"/api/projects/{project}/playback/seek", null, Ct)).AssertProblemAsync(422));
        await (await _client.PostAsync($"/api/projects/{project}/playback/play?position=abc", null, Ct)).AssertProblemAsync(400);
        Assert.Contains("not recording", await (await _client.PostAsync($"/api/tracks/{track}/record/stop", null, Ct)).AssertProblemAsync(409));

        // Not live yet: the position is 0 and stopped, meters say so.
        var position = await (await _client.GetAsync($"/api/projects/{project}/playback/position", Ct)).JsonAsync();
        Assert.False(position.GetProperty("is_playing").GetBoolean());
        Assert.False((await (await _client.GetAsync($"/api/projects/{project}/meters", Ct)).JsonAsync()).GetProperty("is_live").GetBoolean());

        // The project goes live on the virtual device; another project cannot use that device meanwhile.
        var seek = await (await _client.PostAsync($"/api/projects/{project}/playback/seek?position=1.5", null, Ct)).JsonAsync();
        Assert.Equal(72_000, seek.GetProperty("frame").GetInt64());
        var other = (await _client.CreateProjectAsync("Other")).Id();
        var otherTrack = (await _client.CreateTrackAsync(other)).Id();
        Assert.Contains("in use", await (await _client.PostAsync($"/api/tracks/{otherTrack}/record/start?device_id=virtual", null, Ct)).AssertProblemAsync(409));
        await (await _client.PostAsync($"/api/projects/{other}/playback/play", null, Ct)).AssertProblemAsync(409);

        // A track whose input channel the device lacks.
        await _client.PatchRawAsync($"/api/tracks/{track}", """{"input_channels":[5]}""");
        Assert.Contains("input channels", await (await _client.PostAsync($"/api/tracks/{track}/record/start", null, Ct)).AssertProblemAsync(422));
        await using var db = AudioLab.Data.AudioLabDatabase.FromConfiguration(null, _folder).CreateContext();
        Assert.Equal(0, await db.RecordingSessions.CountAsync(Ct));
    }
}
