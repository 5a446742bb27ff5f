using System.Net;
using System.Security.Cryptography;
using AudioLab.Core.Audio;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Apis;

public sealed class ClipsApiTests(DatabaseFixtures fixtures)
{
    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task A_24bit_upload_downloads_sample_identical_and_is_stored_byte_for_byte(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var track = (await client.CreateTrackAsync((await client.CreateProjectAsync()).Id())).Id();
        var original = TestWav.Random24(48_000, 2, 30_000, seed: 7);

        var clip = await client.UploadOkAsync(track, original, ("start_time", "1.25"));
        Assert.Equal(60_000, clip.GetProperty("start_frame").GetInt64());
        Assert.Equal(1.25, clip.GetProperty("start_time").GetDouble());
        Assert.Equal(30_000, clip.GetProperty("length_frames").GetInt64());
        Assert.Equal(90_000, clip.GetProperty("end_frame").GetInt64());
        Assert.Equal(0.625, clip.GetProperty("length_seconds").GetDouble());
        var file = clip.GetProperty("audio_file");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), file.GetProperty("sha256").GetString());
        Assert.Equal("take.wav", file.GetProperty("original_name").GetString());

        var response = await client.GetAsync($"/api/clips/{clip.Id()}/audio");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var (info, samples) = TestWav.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(SampleFormat.Pcm24, info.Format);
        Assert.Equal(48_000, info.SampleRate);
        Assert.Equal(TestWav.Read(original).Samples, samples);

        // Stored under a generated name, read-only, and never touched again.
        var stored = Directory.GetFiles(Path.Combine(factory.DataFolder, "audio"), $"{file.Id():N}.wav");
        Assert.Single(stored);
        Assert.Equal(original, await File.ReadAllBytesAsync(stored[0]));
        if (!OperatingSystem.IsWindows()) Assert.False(File.GetUnixFileMode(stored[0]).HasFlag(UnixFileMode.UserWrite));
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task A_44100_Hz_file_is_converted_to_48000_Hz_keeping_length_and_pitch(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var track = (await client.CreateTrackAsync((await client.CreateProjectAsync()).Id())).Id();
        var clip = await client.UploadOkAsync(track, TestWav.Sine(44_100, 2, SampleFormat.Pcm24, 88_200, 1000, 0.5));

        Assert.Equal(96_000, clip.GetProperty("length_frames").GetInt64());
        Assert.Equal(2.0, clip.GetProperty("length_seconds").GetDouble());
        Assert.Equal(48_000, clip.GetProperty("audio_file").GetProperty("sample_rate").GetInt32());

        var (info, samples) = TestWav.Read(await client.GetByteArrayAsync($"/api/clips/{clip.Id()}/audio"));
        Assert.Equal(48_000, info.SampleRate);
        Assert.Equal(SampleFormat.Float32, info.Format);
        Assert.Equal(96_000, samples.Length / 2);
        var left = Enumerable.Range(0, 96_000).Select(i => samples[2 * i]).ToArray();
        Assert.InRange(Frequency(left, 48_000, 4_800, 91_200), 999.9, 1000.1);
        Assert.InRange(left.Skip(4_800).Take(86_400).Max(), 0.499f, 0.501f);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Every_accepted_format_uploads(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var track = (await client.CreateTrackAsync((await client.CreateProjectAsync()).Id())).Id();
        foreach (var (format, channels) in new[] { (SampleFormat.Pcm16, 1), (SampleFormat.Pcm24, 1), (SampleFormat.Pcm32, 2), (SampleFormat.Float32, 2) })
        {
            var clip = await client.UploadOkAsync(track, TestWav.Sine(48_000, channels, format, 1000, 440, 0.5), ("start_frame", "480"));
            Assert.Equal(channels, clip.GetProperty("audio_file").GetProperty("channels").GetInt32());
            Assert.Equal(1000, clip.GetProperty("length_frames").GetInt64());
            Assert.Equal(0.01, clip.GetProperty("start_time").GetDouble());
            var (info, _) = TestWav.Read(await client.GetByteArrayAsync($"/api/clips/{clip.Id()}/audio"));
            Assert.Equal(format, info.Format);
        }
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Clips_are_listed_patched_moved_and_deleted_while_their_audio_stays(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var project = (await client.CreateProjectAsync()).Id();
        var drums = (await client.CreateTrackAsync(project)).Id();
        var bass = (await client.CreateTrackAsync(project)).Id();
        var late = await client.UploadOkAsync(drums, TestWav.Sine(48_000, 1, SampleFormat.Pcm24, 48_000, 100, 0.5), ("start_time", "2"));
        var early = await client.UploadOkAsync(drums, TestWav.Sine(48_000, 1, SampleFormat.Pcm24, 48_000, 100, 0.5), ("start_frame", "0"));
        var other = await client.UploadOkAsync(bass, TestWav.Sine(48_000, 1, SampleFormat.Pcm24, 48_000, 100, 0.5));

        var list = await (await client.GetAsync($"/api/projects/{project}/clips")).JsonAsync();
        Assert.Equal([early.Id(), late.Id(), other.Id()], list.EnumerateArray().Select(c => c.Id()));
        Assert.Equal(early.GetRawText(), (await (await client.GetAsync($"/api/clips/{early.Id()}")).JsonAsync()).GetRawText());

        var response = await client.PatchRawAsync($"/api/clips/{late.Id()}",
            $$"""{"start_time":3.5,"source_offset_frames":1000,"length_frames":20000,"gain_db":-3.5,"fade_in_frames":480,"fade_out_frames":960,"track_id":"{{bass}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await (await client.GetAsync($"/api/clips/{late.Id()}")).JsonAsync();
        Assert.Equal(168_000, moved.GetProperty("start_frame").GetInt64());
        Assert.Equal(1000, moved.GetProperty("source_offset_frames").GetInt64());
        Assert.Equal(20_000, moved.GetProperty("length_frames").GetInt64());
        Assert.Equal(188_000, moved.GetProperty("end_frame").GetInt64());
        Assert.Equal(-3.5, moved.GetProperty("gain_db").GetDouble());
        Assert.Equal(0.01, moved.GetProperty("fade_in_seconds").GetDouble());
        Assert.Equal(960, moved.GetProperty("fade_out_frames").GetInt64());
        Assert.Equal(bass, moved.GetProperty("track_id").GetGuid());

        // The trimmed region is what /audio returns.
        var (_, region) = TestWav.Read(await client.GetByteArrayAsync($"/api/clips/{late.Id()}/audio"));
        var (_, whole) = TestWav.Read(TestWav.Sine(48_000, 1, SampleFormat.Pcm24, 48_000, 100, 0.5));
        Assert.Equal(whole.Skip(1000).Take(20_000), region);

        var before = await StoreState.CaptureAsync(factory);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/clips/{late.Id()}")).StatusCode);
        Assert.Equal(before with { Clips = before.Clips - 1 }, await StoreState.CaptureAsync(factory));
        await (await client.GetAsync($"/api/clips/{late.Id()}")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/clips/{late.Id()}/audio")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/clips/{late.Id()}/peaks")).AssertProblemAsync(404);
        await (await client.DeleteAsync($"/api/clips/{late.Id()}")).AssertProblemAsync(404);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Peaks_are_min_max_pairs_per_channel_at_the_requested_resolution(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var track = (await client.CreateTrackAsync((await client.CreateProjectAsync()).Id())).Id();
        // Left ramps up from -1 over 10,000 frames; right is the negated ramp.
        static float Ramp(int f) => -1f + f / 5000f;
        var wav = TestWav.Create(48_000, 2, SampleFormat.Float32, 10_000, (f, c) => c == 0 ? Ramp(f) : -Ramp(f));
        var clip = await client.UploadOkAsync(track, wav);

        var peaks = await (await client.GetAsync($"/api/clips/{clip.Id()}/peaks?width=4")).JsonAsync();
        Assert.Equal(2500, peaks.GetProperty("frames_per_peak").GetInt64());
        Assert.Equal(4, peaks.GetProperty("peak_count").GetInt32());
        var left = peaks.GetProperty("peaks")[0].EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var right = peaks.GetProperty("peaks")[1].EnumerateArray().Select(v => v.GetSingle()).ToArray();
        Assert.Equal([Ramp(0), Ramp(2499), Ramp(2500), Ramp(4999), Ramp(5000), Ramp(7499), Ramp(7500), Ramp(9999)], left);
        Assert.Equal([-Ramp(2499), -Ramp(0), -Ramp(4999), -Ramp(2500), -Ramp(7499), -Ramp(5000), -Ramp(9999), -Ramp(7500)], right);

        var fine = await (await client.GetAsync($"/api/clips/{clip.Id()}/peaks?frames_per_peak=3000")).JsonAsync();
        Assert.Equal(4, fine.GetProperty("peak_count").GetInt32()); // 3000, 3000, 3000, 1000
        Assert.Equal(Ramp(9999), fine.GetProperty("peaks")[0][7].GetSingle());

        Assert.Equal(1000, (await (await client.GetAsync($"/api/clips/{clip.Id()}/peaks")).JsonAsync()).GetProperty("peak_count").GetInt32());
        await (await client.GetAsync($"/api/clips/{clip.Id()}/peaks?width=0")).AssertProblemAsync(422);
        await (await client.GetAsync($"/api/clips/{clip.Id()}/peaks?width=4&frames_per_peak=10")).AssertProblemAsync(422);
        await (await client.GetAsync($"/api/clips/{clip.Id()}/peaks?frames_per_peak=0")).AssertProblemAsync(422);
        var detail = await (await client.GetAsync($"/api/clips/{clip.Id()}/peaks?width=wide")).AssertProblemAsync(400);
        Assert.Contains("width", detail, StringComparison.Ordinal);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Bad_uploads_are_refused_and_leave_no_row_and_no_file(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var track = (await client.CreateTrackAsync((await client.CreateProjectAsync()).Id())).Id();
        var good = TestWav.Sine(48_000, 2, SampleFormat.Pcm24, 4800, 440, 0.5);
        var truncated = good[..(good.Length - 1000)];
        var garbledHeader = (byte[])good.Clone();
        garbledHeader[garbledHeader.AsSpan().IndexOf("data"u8)] = (byte)'x'; // the "data" chunk id
        var notRiff = "hello, this is not audio at all"u8.ToArray();
        var notWave = (byte[])good.Clone();
        "AVI "u8.CopyTo(notWave.AsSpan(8));
        var surround = TestWav.Sine(48_000, 6, SampleFormat.Pcm16, 100, 440, 0.5);
        var empty = TestWav.Sine(48_000, 2, SampleFormat.Pcm16, 0, 440, 0.5);
        var oversized = new byte[AudioLabFactory.MaxUploadBytes + 1];
        good.CopyTo(oversized, 0);

        (byte[] File, (string, string)[] Fields, int Status, string Says)[] cases =
        [
            (truncated, [], 422, "cut short"),
            (garbledHeader, [], 422, "WAV"),
            (notRiff, [], 422, "not a WAV file"),
            (notWave, [], 422, "not WAVE audio"),
            (surround, [], 422, "6 channels"),
            (empty, [], 422, "no audio"),
            (oversized, [], 413, "larger than the limit of 4194304 bytes"),
            (good, [("start_time", "-1")], 422, "start_time must not be negative"),
            (good, [("start_time", "soon")], 422, "start_time must be a number"),
            (good, [("start_time", "NaN")], 422, "finite"),
            (good, [("start_frame", "-48000")], 422, "start_frame must not be negative"),
            (good, [("start_frame", "1.5")], 422, "start_frame must be a whole number"),
            (good, [("start_time", "1"), ("start_frame", "48000")], 422, "not both"),
        ];
        foreach (var (file, fields, status, says) in cases)
        {
            var before = await StoreState.CaptureAsync(factory);
            var detail = await (await client.UploadAsync(track, file, "take.wav", fields)).AssertProblemAsync(status);
            Assert.True(detail.Contains(says, StringComparison.Ordinal), $"{says} -> {detail}");
            Assert.Equal(before, await StoreState.CaptureAsync(factory));
        }

        var state = await StoreState.CaptureAsync(factory);
        var noFile = new MultipartFormDataContent { { new StringContent("1"), "start_time" } };
        Assert.Contains("no 'file' field", await (await client.PostAsync($"/api/tracks/{track}/clips", noFile)).AssertProblemAsync(400), StringComparison.Ordinal);
        await (await client.PostRawAsync($"/api/tracks/{track}/clips", "{}")).AssertProblemAsync(415);
        await (await client.UploadAsync(Guid.NewGuid(), good)).AssertProblemAsync(404);
        Assert.Equal(state, await StoreState.CaptureAsync(factory));
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task A_client_file_name_never_becomes_a_path(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var track = (await client.CreateTrackAsync((await client.CreateProjectAsync()).Id())).Id();
        var response = await client.UploadAsync(track, TestWav.Sine(48_000, 1, SampleFormat.Pcm16, 100, 440, 0.5), "../../escape.wav");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = (await response.JsonAsync()).GetProperty("audio_file");
        Assert.Equal("escape.wav", file.GetProperty("original_name").GetString());
        Assert.False(File.Exists(Path.Combine(factory.DataFolder, "..", "..", "escape.wav")));
        Assert.Empty(Directory.EnumerateFiles(factory.DataFolder, "escape.wav", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(factory.DataFolder, "audio", $"{file.Id():N}.wav")));
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Bad_clip_edits_are_refused_and_the_clip_is_unchanged(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var track = (await client.CreateTrackAsync((await client.CreateProjectAsync()).Id())).Id();
        var otherProjectTrack = (await client.CreateTrackAsync((await client.CreateProjectAsync("Other")).Id())).Id();
        var clip = await client.UploadOkAsync(track, TestWav.Sine(48_000, 1, SampleFormat.Pcm16, 10_000, 440, 0.5));
        var before = clip.GetRawText();
        (string Body, int Status, string Says)[] cases =
        [
            ("""{"start_frame":-1}""", 422, "start_frame must not be negative"),
            ("""{"start_time":-0.5}""", 422, "start_time must not be negative"),
            ("""{"length_frames":0}""", 422, "length_frames must be between 1 and 10000"),
            ("""{"length_frames":10001}""", 422, "length_frames must be between 1 and 10000"),
            ("""{"source_offset_frames":5000,"length_frames":6000}""", 422, "past the end of its audio file"),
            ("""{"source_offset_frames":-1}""", 422, "source_offset_frames must be between 0"),
            ("""{"fade_in_frames":6000,"fade_out_frames":5000}""", 422, "must fit in the clip"),
            ("""{"fade_out_frames":-1}""", 422, "fade_out_frames must be between 0"),
            ("""{"gain_db":30}""", 422, "gain_db must be between -96 and 24 dB"),
            ("""{"gain_db":"loud"}""", 400, "'gain_db' must be a number"),
            ("""{"start_frame":12.5}""", 400, "'start_frame' must be a whole number"),
            ($$"""{"track_id":"{{otherProjectTrack}}"}""", 422, "no track"),
            ("""{"track_id":"nope"}""", 400, "'track_id' must be a UUID"),
        ];
        foreach (var (body, status, says) in cases)
        {
            var detail = await (await client.PatchRawAsync($"/api/clips/{clip.Id()}", body)).AssertProblemAsync(status);
            Assert.True(detail.Contains(says, StringComparison.Ordinal), $"{body} -> {detail}");
            Assert.Equal(before, (await (await client.GetAsync($"/api/clips/{clip.Id()}")).JsonAsync()).GetRawText());
        }
        await (await client.PatchRawAsync($"/api/clips/{Guid.NewGuid()}", """{"gain_db":1}""")).AssertProblemAsync(404);
    }

    /// <summary>Frequency from the first and last rising zero crossings (linearly interpolated) between two frames.</summary>
    private static double Frequency(float[] x, int rate, int from, int to)
    {
        double first = -1, last = -1;
        var cycles = -1;
        for (var i = from; i < to - 1; i++)
        {
            if (x[i] < 0 && x[i + 1] >= 0)
            {
                var t = i + x[i] / (x[i] - x[i + 1]);
                if (first < 0) first = t;
                last = t;
                cycles++;
            }
        }
        return cycles * rate / (last - first);
    }
}
