using System.Net;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Apis;

public sealed class LoopRegionsApiTests(DatabaseFixtures fixtures)
{
    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Loop_regions_are_created_in_seconds_or_frames_listed_patched_and_deleted(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var project = (await client.CreateProjectAsync()).Id();

        var response = await client.PostRawAsync($"/api/projects/{project}/loop-regions", """{"name":"Chorus","start_time":4,"end_time":8.5}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var chorus = await response.JsonAsync();
        Assert.Equal(192_000, chorus.GetProperty("start_frame").GetInt64());
        Assert.Equal(408_000, chorus.GetProperty("end_frame").GetInt64());
        Assert.Equal(8.5, chorus.GetProperty("end_time").GetDouble());
        Assert.True(chorus.GetProperty("is_enabled").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, chorus.GetProperty("repeat_count").ValueKind);

        var intro = await (await client.PostRawAsync($"/api/projects/{project}/loop-regions",
            """{"start_frame":0,"end_frame":24000,"repeat_count":2,"is_enabled":false}""")).JsonAsync();
        Assert.Equal("Loop Region", intro.GetProperty("name").GetString());
        Assert.Equal(0.5, intro.GetProperty("end_time").GetDouble());
        Assert.Equal(2, intro.GetProperty("repeat_count").GetInt32());

        var list = await (await client.GetAsync($"/api/projects/{project}/loop-regions")).JsonAsync();
        Assert.Equal([intro.Id(), chorus.Id()], list.EnumerateArray().Select(l => l.Id()));

        var patched = await (await client.PatchRawAsync($"/api/loop-regions/{chorus.Id()}", """{"end_frame":480000,"repeat_count":4,"is_enabled":false}""")).JsonAsync();
        Assert.Equal(10.0, patched.GetProperty("end_time").GetDouble());
        Assert.Equal(4, patched.GetProperty("repeat_count").GetInt32());
        Assert.False(patched.GetProperty("is_enabled").GetBoolean());
        patched = await (await client.PatchRawAsync($"/api/loop-regions/{chorus.Id()}", """{"repeat_count":0}""")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, patched.GetProperty("repeat_count").ValueKind);
        Assert.Equal(patched.GetRawText(), (await (await client.GetAsync($"/api/loop-regions/{chorus.Id()}")).JsonAsync()).GetRawText());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/loop-regions/{chorus.Id()}")).StatusCode);
        await (await client.GetAsync($"/api/loop-regions/{chorus.Id()}")).AssertProblemAsync(404);
        await (await client.DeleteAsync($"/api/loop-regions/{chorus.Id()}")).AssertProblemAsync(404);
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Bad_loop_regions_are_refused_and_nothing_is_written(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var project = (await client.CreateProjectAsync()).Id();
        (string Body, int Status, string Says)[] cases =
        [
            ("""{"start_time":2,"end_time":2}""", 422, "must end after it starts"),
            ("""{"start_time":3,"end_time":2}""", 422, "must end after it starts"),
            ("""{"start_time":-1,"end_time":2}""", 422, "start_time must not be negative"),
            ("""{"start_frame":-5,"end_frame":2}""", 422, "start_frame must not be negative"),
            ("""{"start_time":1}""", 422, "Give end_time"),
            ("""{"start_time":1,"start_frame":48000,"end_time":3}""", 422, "not both"),
            ("""{"start_time":0,"end_time":1,"repeat_count":0}""", 422, "repeat_count must be 1 to"),
            ("""{"start_time":0,"end_time":1,"repeat_count":-3}""", 422, "repeat_count must be 1 to"),
            ("""{"start_time":"soon","end_time":1}""", 400, "'start_time' must be a number"),
            ("""{"start_frame":1.5,"end_frame":9}""", 400, "'start_frame' must be a whole number"),
        ];
        foreach (var (body, status, says) in cases)
        {
            var before = await StoreState.CaptureAsync(factory);
            var detail = await (await client.PostRawAsync($"/api/projects/{project}/loop-regions", body)).AssertProblemAsync(status);
            Assert.True(detail.Contains(says, StringComparison.Ordinal), $"{body} -> {detail}");
            Assert.Equal(before, await StoreState.CaptureAsync(factory));
        }
        await (await client.PostRawAsync($"/api/projects/{Guid.NewGuid()}/loop-regions", """{"start_time":0,"end_time":1}""")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/projects/{Guid.NewGuid()}/loop-regions")).AssertProblemAsync(404);

        var loop = await (await client.PostRawAsync($"/api/projects/{project}/loop-regions", """{"start_time":1,"end_time":2}""")).JsonAsync();
        await (await client.PatchRawAsync($"/api/loop-regions/{loop.Id()}", """{"end_time":0.5}""")).AssertProblemAsync(422);
        await (await client.PatchRawAsync($"/api/loop-regions/{loop.Id()}", """{"start_frame":96000}""")).AssertProblemAsync(422);
        await (await client.PatchRawAsync($"/api/loop-regions/{Guid.NewGuid()}", """{"name":"x"}""")).AssertProblemAsync(404);
        Assert.Equal(loop.GetRawText(), (await (await client.GetAsync($"/api/loop-regions/{loop.Id()}")).JsonAsync()).GetRawText());
    }
}
