using System.Net;
using System.Text.Json;
using AudioLab.Core.Audio;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Apis;

public sealed class ExportsApiTests(DatabaseFixtures fixtures)
{
    private const int Rate = 48_000;

    /// <summary>
    /// Two uploaded tracks: stereo 24-bit noise, and a mono 16-bit sine starting at an odd frame. Levels keep the mix
    /// peaking near -10 dBFS, where float32 mixing stays well inside 1 LSB of 24-bit output.
    /// </summary>
    private sealed record TwoTracks(Guid Project, Guid TrackA, Guid TrackB, float[][] A, float[][] B, int Frames)
    {
        public const double VolumeA = -14, PanA = -0.5, VolumeB = -2, PanB = 0.7;
        public const int StartB = 1001;

        public double[][] Golden(bool includeA = true, bool includeB = true, int from = 0, int? to = null)
        {
            var end = to ?? Frames;
            var outL = new double[end - from];
            var outR = new double[end - from];
            var (al, ar) = Exports.Gains(VolumeA, PanA);
            var (bl, br) = Exports.Gains(VolumeB, PanB);
            for (var t = from; t < end; t++)
            {
                if (includeA && t < A[0].Length)
                {
                    outL[t - from] += A[0][t] * al;
                    outR[t - from] += A[1][t] * ar;
                }
                var k = t - StartB;
                if (includeB && k >= 0 && k < B[0].Length)
                {
                    outL[t - from] += B[0][k] * bl;
                    outR[t - from] += B[0][k] * br;
                }
            }
            return [outL, outR];
        }
    }

    private static async Task<TwoTracks> CreateTwoTracksAsync(HttpClient client)
    {
        var project = (await client.CreateProjectAsync("Export song")).Id();
        var a = await client.CreateTrackAsync(project, $$"""{"name":"Noise","volume_db":{{TwoTracks.VolumeA}},"pan":{{TwoTracks.PanA}}}""");
        var b = await client.CreateTrackAsync(project, $$"""{"name":"Sine","volume_db":{{TwoTracks.VolumeB}},"pan":{{TwoTracks.PanB}}}""");
        var wavA = TestWav.Random24(Rate, 2, 30_000, seed: 11);
        var wavB = TestWav.Sine(Rate, 1, SampleFormat.Pcm16, 20_000, 441, 0.2);
        await client.UploadOkAsync(a.Id(), wavA);
        await client.UploadOkAsync(b.Id(), wavB, ("start_frame", TwoTracks.StartB.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new TwoTracks(project, a.Id(), b.Id(), Exports.Planar(wavA).Channels, Exports.Planar(wavB).Channels, 30_000);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Export_runs_to_done_and_the_file_equals_the_golden_mix_within_one_lsb(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var song = await CreateTwoTracksAsync(client);

        var started = await client.StartExportAsync(song.Project, """{"format":"wav","bit_depth":"24","sample_rate":48000,"dither":false}""");
        Assert.Contains(started.GetProperty("status").GetString(), new[] { "queued", "running", "done" });
        Assert.Equal(song.Project, started.GetProperty("project_id").GetGuid());
        var job = await client.WaitAsync(started.Id());
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        Assert.Equal("24", job.GetProperty("bit_depth").GetString());
        Assert.Equal(0, job.GetProperty("start_frame").GetInt64());
        Assert.Equal(30_000, job.GetProperty("end_frame").GetInt64());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("error").ValueKind);
        var result = job.GetProperty("result");
        Assert.Equal(30_000, result.GetProperty("frames").GetInt64());
        Assert.Equal(0.625, result.GetProperty("seconds").GetDouble());
        Assert.Equal(0, result.GetProperty("clipped_samples").GetInt64());
        Assert.InRange(result.GetProperty("peak_dbfs").GetDouble(), -14, -6);
        var file = Assert.Single(result.GetProperty("files").EnumerateArray());
        Assert.Equal($"/api/exports/{started.Id()}/file", file.GetProperty("url").GetString());

        var wav = await client.DownloadAsync(file.GetProperty("url").GetString()!);
        Assert.Equal(file.GetProperty("bytes").GetInt64(), wav.Length);
        var (info, mix) = Exports.Planar(wav);
        Assert.Equal(SampleFormat.Pcm24, info.Format);
        Assert.Equal(Rate, info.SampleRate);
        var error = Exports.MaxErrorLsb(mix, song.Golden(), 24);
        Assert.True(error <= 1.0, $"error {error} LSB");
        // The same file by its name.
        Assert.Equal(wav, await client.DownloadAsync($"/api/exports/{started.Id()}/files/{file.GetProperty("name").GetString()}"));

        // Dithered (the default): two exports are byte-identical, visibly dithered, never more than 2 LSB off.
        var first = await client.DownloadAsync($"/api/exports/{(await client.ExportDoneAsync(song.Project, """{"bit_depth":24}""")).Id()}/file");
        var second = await client.DownloadAsync($"/api/exports/{(await client.ExportDoneAsync(song.Project, """{"bit_depth":24}""")).Id()}/file");
        Assert.Equal(first, second);
        Assert.NotEqual(wav, first);
        Assert.InRange(Exports.MaxErrorLsb(Exports.Planar(first).Channels, song.Golden(), 24), 0.5, 2.0);
        var reseeded = await client.DownloadAsync($"/api/exports/{(await client.ExportDoneAsync(song.Project, """{"bit_depth":24,"dither_seed":7}""")).Id()}/file");
        Assert.NotEqual(first, reseeded);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Ranges_bit_depths_and_stems_export_what_was_asked(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var song = await CreateTwoTracksAsync(client);

        // 120 BPM in 4/4: bar 1 beat 2 is 0.5 s.
        var job = await client.ExportDoneAsync(song.Project, """{"range":{"start_time":"1:2:0","end_frame":29000},"dither":false,"bit_depth":"32f"}""");
        Assert.Equal(24_000, job.GetProperty("start_frame").GetInt64());
        Assert.Equal(0.5, job.GetProperty("start_time").GetDouble());
        Assert.Equal(29_000, job.GetProperty("end_frame").GetInt64());
        var (info, part) = Exports.Planar(await client.DownloadAsync($"/api/exports/{job.Id()}/file"));
        Assert.Equal(SampleFormat.Float32, info.Format);
        Assert.True(Exports.MaxErrorLsb(part, song.Golden(from: 24_000, to: 29_000), 24) <= 1.0);

        job = await client.ExportDoneAsync(song.Project, """{"bit_depth":16,"range":{"start_time":0.1,"end_time":0.2}}""");
        (info, part) = Exports.Planar(await client.DownloadAsync($"/api/exports/{job.Id()}/file"));
        Assert.Equal(SampleFormat.Pcm16, info.Format);
        Assert.Equal(4_800, part[0].Length);
        Assert.True(Exports.MaxErrorLsb(part, song.Golden(from: 4_800, to: 9_600), 16) <= 2.0);

        job = await client.ExportDoneAsync(song.Project, """{"stems":true,"dither":false}""");
        var files = job.GetProperty("result").GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(3, files.Count);
        Assert.Equal(JsonValueKind.Null, files[0].GetProperty("track_id").ValueKind);
        Assert.Equal([song.TrackA, song.TrackB], files.Skip(1).Select(f => f.GetProperty("track_id").GetGuid()));
        Assert.Equal(["Noise", "Sine"], files.Skip(1).Select(f => f.GetProperty("track_name").GetString()));
        var stemA = Exports.Planar(await client.DownloadAsync(files[1].GetProperty("url").GetString()!)).Channels;
        var stemB = Exports.Planar(await client.DownloadAsync(files[2].GetProperty("url").GetString()!)).Channels;
        Assert.True(Exports.MaxErrorLsb(stemA, song.Golden(includeB: false), 24) <= 1.0);
        Assert.True(Exports.MaxErrorLsb(stemB, song.Golden(includeA: false), 24) <= 1.0);
        await (await client.GetAsync($"/api/exports/{job.Id()}/files/nothing.wav")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/exports/{job.Id()}/files/..%2F..%2Faudiolab.db")).AssertProblemAsync(404);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Empty_and_all_muted_projects_export_silence_of_the_right_length(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var empty = (await client.CreateProjectAsync("Empty")).Id();
        // "The whole project" ends where the last clip ends: an empty project has 0 frames.
        var job = await client.ExportDoneAsync(empty);
        Assert.Equal(0, job.GetProperty("result").GetProperty("frames").GetInt64());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").GetProperty("peak_dbfs").ValueKind);
        var (info, channels) = Exports.Planar(await client.DownloadAsync($"/api/exports/{job.Id()}/file"));
        Assert.Equal(2, info.Channels);
        Assert.Empty(channels[0]);
        // An explicit range gives silence of exactly that length.
        job = await client.ExportDoneAsync(empty, """{"range":{"end_time":1.5}}""");
        channels = Exports.Planar(await client.DownloadAsync($"/api/exports/{job.Id()}/file")).Channels;
        Assert.Equal(72_000, channels[0].Length);
        Assert.All(channels, c => Assert.All(c, s => Assert.Equal(0f, s)));

        var muted = (await client.CreateProjectAsync("Muted")).Id();
        await DirectAudio.AddTrackAsync(factory.Database, factory.DataFolder, muted, 0, Rate, 10_000, t => 5000, mute: true);
        await DirectAudio.AddTrackAsync(factory.Database, factory.DataFolder, muted, 1, Rate, 15_000, t => -7000, startFrame: 500, mute: true);
        job = await client.ExportDoneAsync(muted);
        Assert.Equal(15_500, job.GetProperty("end_frame").GetInt64());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").GetProperty("peak_dbfs").ValueKind);
        channels = Exports.Planar(await client.DownloadAsync($"/api/exports/{job.Id()}/file")).Channels;
        Assert.Equal(15_500, channels[0].Length);
        Assert.All(channels, c => Assert.All(c, s => Assert.Equal(0f, s)));
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task An_unwritable_export_folder_fails_the_job_clearly_and_leaves_no_file(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var project = (await client.CreateProjectAsync("Blocked")).Id();
        await DirectAudio.AddTrackAsync(factory.Database, factory.DataFolder, project, 0, Rate, 4_800, t => (short)(t % 100));
        var exports = Path.Combine(factory.DataFolder, "exports");
        var aside = exports + ".aside";
        Directory.CreateDirectory(exports);
        Directory.Move(exports, aside);
        try
        {
            // Tests run as root here, where permissions do not stop writes: a plain file where the folder should be does.
            await File.WriteAllTextAsync(exports, "not a folder", TestContext.Current.CancellationToken);
            var job = await client.WaitAsync((await client.StartExportAsync(project)).Id());
            Assert.Equal("failed", job.GetProperty("status").GetString());
            Assert.Contains("Cannot create the export folder", job.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);
            var detail = await (await client.GetAsync($"/api/exports/{job.Id()}/file")).AssertProblemAsync(409);
            Assert.Contains("failed", detail, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(factory.DataFolder, "*.part", SearchOption.AllDirectories));
            Assert.DoesNotContain(Directory.EnumerateFiles(factory.DataFolder, "mix.wav", SearchOption.AllDirectories),
                f => !f.StartsWith(aside, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(exports);
            Directory.Move(aside, exports);
        }
    }

    public static TheoryData<string, string, int, string> InvalidRequests()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
        {
            data.Add(db, """{"sample_rate":44100}""", 422, "sample_rate");
            data.Add(db, """{"sample_rate":12345}""", 422, "sample_rate");
            data.Add(db, """{"bit_depth":"20"}""", 422, "bit_depth");
            data.Add(db, """{"bit_depth":true}""", 422, "bit_depth");
            data.Add(db, """{"format":"mp3"}""", 422, "format");
            data.Add(db, """{"range":{"start_time":2,"end_time":1}}""", 422, "range.end");
            data.Add(db, """{"range":{"start_time":1,"start_frame":5}}""", 422, "range.start_time");
            data.Add(db, """{"range":{"start_time":"3:9:0"}}""", 422, "range.start_time");
            data.Add(db, """{"range":{"end_time":-1}}""", 422, "range.end_time");
            data.Add(db, """{"range":{"end_frame":-1}}""", 422, "range.end_frame");
            data.Add(db, """{"normalize_peak_db":3}""", 422, "normalize_peak_db");
            data.Add(db, """{"stems":"yes"}""", 400, "'stems'");
            data.Add(db, """{"colour":"red"}""", 400, "unknown field 'colour'");
            data.Add(db, """{"bit_depth":""", 400, "not valid JSON");
        }
        return data;
    }

    [Theory, MemberData(nameof(InvalidRequests))]
    public async Task Invalid_export_requests_are_refused_and_start_nothing(string db, string body, int status, string says)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var project = (await client.CreateProjectAsync("Refused")).Id();
        await DirectAudio.AddTrackAsync(factory.Database, factory.DataFolder, project, 0, Rate, 4_800, t => 1000);
        var state = await StoreState.CaptureAsync(factory);
        var response = await client.PostRawAsync($"/api/projects/{project}/export", body);
        var detail = await response.AssertProblemAsync(status);
        if (status == 422)
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(says, out _), $"{body} -> {detail}");
        else
            Assert.Contains(says, detail, StringComparison.Ordinal);
        Assert.Equal(state, await StoreState.CaptureAsync(factory));
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Unknown_ids_get_404(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var nobody = Guid.NewGuid();
        await (await client.PostRawAsync($"/api/projects/{nobody}/export", "{}")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/exports/{nobody}")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/exports/{nobody}/file")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/exports/{nobody}/files/mix.wav")).AssertProblemAsync(404);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Thirty_two_tracks_of_sixty_seconds_export_and_match_the_golden_mix(string db)
    {
        const int tracks = 32;
        const long frames = 60L * Rate;
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var project = (await client.CreateProjectAsync("Thirty-two")).Id();
        static short Sample(int track, long t) => (short)((t * (2 * track + 3) * 7919L + track * 131L) % 2001 - 1000);
        var gains = new (double L, double R)[tracks];
        for (var i = 0; i < tracks; i++)
        {
            var track = i;
            var pan = -1 + 2.0 * i / (tracks - 1);
            gains[i] = Exports.Gains(-12, pan);
            await DirectAudio.AddTrackAsync(factory.Database, factory.DataFolder, project, i, Rate, frames, t => Sample(track, t), volumeDb: -12, pan: pan);
        }

        var started = await client.StartExportAsync(project, """{"dither":false}""");
        // Rendering half an hour of track audio takes far longer than this request.
        await (await client.GetAsync($"/api/exports/{started.Id()}/file")).AssertProblemAsync(409);
        var job = await client.WaitAsync(started.Id(), TimeSpan.FromMinutes(5));
        Assert.True(job.GetProperty("status").GetString() == "done", job.GetRawText());
        Assert.Equal(frames, job.GetProperty("result").GetProperty("frames").GetInt64());
        Assert.Equal(0, job.GetProperty("result").GetProperty("clipped_samples").GetInt64());

        var mix = Exports.Planar(await client.DownloadAsync($"/api/exports/{started.Id()}/file")).Channels;
        Assert.Equal(frames, mix[0].Length);
        var lsb = Math.ScaleB(1.0, -23);
        double worst = 0;
        for (long t = 0; t < frames; t++)
        {
            double l = 0, r = 0;
            for (var i = 0; i < tracks; i++)
            {
                var s = Sample(i, t) / 32768.0;
                l += s * gains[i].L;
                r += s * gains[i].R;
            }
            worst = Math.Max(worst, Math.Max(Math.Abs(mix[0][t] - l), Math.Abs(mix[1][t] - r)) / lsb);
        }
        Assert.True(worst <= 1.0, $"error {worst} LSB");
    }
}
