using System.Net;
using AudioLab.Core.Audio;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Apis;

public sealed class ProjectsApiTests(DatabaseFixtures fixtures)
{
    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Create_applies_the_plan_defaults_and_get_list_patch_delete_work(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var created = await client.CreateProjectAsync("  First song ");
        Assert.Equal("First song", created.GetProperty("name").GetString());
        Assert.Equal(48_000, created.GetProperty("sample_rate").GetInt32());
        Assert.Equal(24, created.GetProperty("bit_depth").GetInt32());
        Assert.Equal(120, created.GetProperty("tempo").GetDouble());
        Assert.Equal("4/4", created.GetProperty("time_signature").GetString());
        Assert.Equal("[]", created.GetProperty("master_effects").GetRawText());
        Assert.Equal(0, created.GetProperty("track_count").GetInt32());
        var id = created.Id();

        var fetched = await (await client.GetAsync($"/api/projects/{id}")).JsonAsync();
        Assert.Equal(created.GetRawText(), fetched.GetRawText());
        var list = await (await client.GetAsync("/api/projects")).JsonAsync();
        Assert.Contains(list.EnumerateArray(), p => p.Id() == id);

        var patched = await client.PatchRawAsync($"/api/projects/{id}",
            """{"name":"Renamed","tempo":96.5,"time_signature":"6/8","bit_depth":16,"master_effects":[{"type":"limiter","ceiling_db":-1}]}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var after = await (await client.GetAsync($"/api/projects/{id}")).JsonAsync();
        Assert.Equal("Renamed", after.GetProperty("name").GetString());
        Assert.Equal(96.5, after.GetProperty("tempo").GetDouble());
        Assert.Equal("6/8", after.GetProperty("time_signature").GetString());
        Assert.Equal(16, after.GetProperty("bit_depth").GetInt32());
        Assert.Equal("limiter", after.GetProperty("master_effects")[0].GetProperty("type").GetString());
        Assert.True(after.GetProperty("updated_at").GetDateTime() >= created.GetProperty("updated_at").GetDateTime());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/projects/{id}")).StatusCode);
        await (await client.GetAsync($"/api/projects/{id}")).AssertProblemAsync(404);
        await (await client.DeleteAsync($"/api/projects/{id}")).AssertProblemAsync(404);
        await (await client.PatchRawAsync($"/api/projects/{id}", """{"name":"x"}""")).AssertProblemAsync(404);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Bad_project_bodies_are_refused_and_nothing_is_written(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        (string Body, int Status, string Says)[] cases =
        [
            ("""{"name":""}""", 422, "name must not be empty"),
            ("""{}""", 422, "name is required"),
            ("""{"name":"x","sample_rate":12345}""", 422, "sample_rate must be one of"),
            ("""{"name":"x","bit_depth":8}""", 422, "bit_depth must be 16, 24 or 32"),
            ("""{"name":"x","tempo":0}""", 422, "tempo must be between 20 and 999"),
            ("""{"name":"x","time_signature":"4-4"}""", 422, "time_signature must look like"),
            ("""{"name":"x","master_effects":{"type":"eq"}}""", 422, "master_effects must be a JSON array"),
            ("""{"name":"x","tempo":"fast"}""", 400, "'tempo' must be a number"),
            ("""{"name":"x","tempo":1e400}""", 422, "tempo must be a finite number"),
            ("""{"name":"x","tempo":NaN}""", 400, "not valid JSON"),
            ("""{"name":"x","sample_rate":48000.5}""", 400, "'sample_rate' must be a whole number"),
            ("""{"nme":"x"}""", 400, "unknown field 'nme'"),
            ("""{"name":""", 400, "not valid JSON"),
            ("", 400, "needs a JSON body"),
        ];
        foreach (var (body, status, says) in cases)
        {
            var before = await StoreState.CaptureAsync(factory);
            var detail = await (await client.PostRawAsync("/api/projects", body)).AssertProblemAsync(status);
            Assert.True(detail.Contains(says, StringComparison.Ordinal), $"{body} -> {detail}");
            Assert.Equal(before, await StoreState.CaptureAsync(factory));
        }
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Bad_patches_leave_the_project_unchanged(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var id = (await client.CreateProjectAsync()).Id();
        var before = (await (await client.GetAsync($"/api/projects/{id}")).JsonAsync()).GetRawText();
        foreach (var (body, status) in new[] { ("""{"name":"ok","tempo":5000}""", 422), ("""{"name":" "}""", 422), ("""{"tempo":true}""", 400) })
        {
            await (await client.PatchRawAsync($"/api/projects/{id}", body)).AssertProblemAsync(status);
            Assert.Equal(before, (await (await client.GetAsync($"/api/projects/{id}")).JsonAsync()).GetRawText());
        }
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Sample_rate_changes_rescale_loops_but_are_refused_once_there_is_audio(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var id = (await client.CreateProjectAsync()).Id();
        var loop = await (await client.PostRawAsync($"/api/projects/{id}/loop-regions", """{"start_time":1,"end_time":2}""")).JsonAsync();

        var patched = await client.PatchRawAsync($"/api/projects/{id}", """{"sample_rate":96000}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var moved = await (await client.GetAsync($"/api/loop-regions/{loop.Id()}")).JsonAsync();
        Assert.Equal(96_000, moved.GetProperty("start_frame").GetInt64());
        Assert.Equal(1.0, moved.GetProperty("start_time").GetDouble());

        var track = (await client.CreateTrackAsync(id)).Id();
        await client.UploadOkAsync(track, TestWav.Sine(96_000, 1, SampleFormat.Pcm16, 960, 440, 0.5));
        var detail = await (await client.PatchRawAsync($"/api/projects/{id}", """{"sample_rate":48000}""")).AssertProblemAsync(409);
        Assert.Contains("sample rate cannot change", detail, StringComparison.Ordinal);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Deleting_a_project_removes_tracks_clips_and_loops_but_keeps_audio_files(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var id = (await client.CreateProjectAsync()).Id();
        var track = (await client.CreateTrackAsync(id)).Id();
        await client.CreateTrackAsync(id);
        await client.UploadOkAsync(track, TestWav.Sine(48_000, 2, SampleFormat.Pcm24, 4800, 440, 0.5));
        await client.PostRawAsync($"/api/projects/{id}/loop-regions", """{"start_frame":0,"end_frame":48000}""");
        var before = await StoreState.CaptureAsync(factory);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/projects/{id}")).StatusCode);

        var after = await StoreState.CaptureAsync(factory);
        Assert.Equal(before with { Projects = before.Projects - 1, Tracks = before.Tracks - 2, Clips = before.Clips - 1, LoopRegions = before.LoopRegions - 1 }, after);
        await (await client.GetAsync($"/api/tracks/{track}")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/projects/{id}/clips")).AssertProblemAsync(404);
    }
}
