using System.Net;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Apis;

public sealed class TracksApiTests(DatabaseFixtures fixtures)
{
    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Tracks_are_created_with_defaults_listed_patched_and_deleted(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var project = (await client.CreateProjectAsync()).Id();
        var first = await client.CreateTrackAsync(project);
        Assert.Equal(0, first.GetProperty("index").GetInt32());
        Assert.Equal("Track 1", first.GetProperty("name").GetString());
        Assert.Equal(0, first.GetProperty("volume_db").GetDouble());
        Assert.Equal(0, first.GetProperty("pan").GetDouble());
        Assert.False(first.GetProperty("mute").GetBoolean());
        Assert.False(first.GetProperty("record_enabled").GetBoolean());
        Assert.True(first.GetProperty("monitoring_enabled").GetBoolean());
        Assert.Equal("auto", first.GetProperty("monitor_mode").GetString());
        Assert.Equal("[]", first.GetProperty("effects").GetRawText());
        var second = await client.CreateTrackAsync(project, """{"name":"Bass","volume_db":-6,"pan":-0.5,"color":"#FF8800"}""");
        Assert.Equal(1, second.GetProperty("index").GetInt32());
        Assert.Equal("#ff8800", second.GetProperty("color").GetString());

        var list = await (await client.GetAsync($"/api/projects/{project}/tracks")).JsonAsync();
        Assert.Equal([first.Id(), second.Id()], list.EnumerateArray().Select(t => t.Id()));
        Assert.Equal(2, (await (await client.GetAsync($"/api/projects/{project}")).JsonAsync()).GetProperty("track_count").GetInt32());

        var response = await client.PatchRawAsync($"/api/tracks/{first.Id()}", """
            {"name":"Vocals","volume_db":-96,"pan":1,"mute":true,"solo":true,"record_enabled":true,"input_device_id":"jack:system",
             "input_channels":[1],"monitoring_enabled":false,"monitor_mode":"on","color":"#00aa00","effects":[{"type":"eq","gain_db":3}]}
            """);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var got = await (await client.GetAsync($"/api/tracks/{first.Id()}")).JsonAsync();
        Assert.Equal("Vocals", got.GetProperty("name").GetString());
        Assert.Equal(-96, got.GetProperty("volume_db").GetDouble());
        Assert.Equal(1, got.GetProperty("pan").GetDouble());
        Assert.True(got.GetProperty("mute").GetBoolean());
        Assert.True(got.GetProperty("solo").GetBoolean());
        Assert.True(got.GetProperty("record_enabled").GetBoolean());
        Assert.Equal("jack:system", got.GetProperty("input_device_id").GetString());
        Assert.Equal("[1]", got.GetProperty("input_channels").GetRawText());
        Assert.False(got.GetProperty("monitoring_enabled").GetBoolean());
        Assert.Equal("on", got.GetProperty("monitor_mode").GetString());
        Assert.Equal("eq", got.GetProperty("effects")[0].GetProperty("type").GetString());

        // Empty values clear the optional fields; absent fields stay.
        await client.PatchRawAsync($"/api/tracks/{first.Id()}", """{"input_device_id":"","color":"","input_channels":[]}""");
        got = await (await client.GetAsync($"/api/tracks/{first.Id()}")).JsonAsync();
        Assert.Equal(JsonValueKindNull, got.GetProperty("input_device_id").ValueKind);
        Assert.Equal(JsonValueKindNull, got.GetProperty("color").ValueKind);
        Assert.Equal(JsonValueKindNull, got.GetProperty("input_channels").ValueKind);
        Assert.True(got.GetProperty("mute").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/tracks/{first.Id()}")).StatusCode);
        await (await client.GetAsync($"/api/tracks/{first.Id()}")).AssertProblemAsync(404);
        // The freed index is reused.
        Assert.Equal(0, (await client.CreateTrackAsync(project)).GetProperty("index").GetInt32());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task A_project_holds_32_tracks_and_the_33rd_gets_409(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var project = (await client.CreateProjectAsync()).Id();
        for (var i = 0; i < 32; i++) await client.CreateTrackAsync(project);

        var before = await StoreState.CaptureAsync(factory);
        var detail = await (await client.PostRawAsync($"/api/projects/{project}/tracks", "{}")).AssertProblemAsync(409);
        Assert.Contains("at most 32 tracks", detail, StringComparison.Ordinal);
        Assert.Equal(before, await StoreState.CaptureAsync(factory));

        var tracks = await (await client.GetAsync($"/api/projects/{project}/tracks")).JsonAsync();
        Assert.Equal(Enumerable.Range(0, 32), tracks.EnumerateArray().Select(t => t.GetProperty("index").GetInt32()));
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Bad_track_values_are_refused_and_the_track_is_unchanged(string db)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var project = (await client.CreateProjectAsync()).Id();
        var track = (await client.CreateTrackAsync(project)).Id();
        var before = (await (await client.GetAsync($"/api/tracks/{track}")).JsonAsync()).GetRawText();
        (string Body, int Status, string Says)[] cases =
        [
            ("""{"volume_db":12.5}""", 422, "volume_db must be between -96 and 12 dB"),
            ("""{"volume_db":-97}""", 422, "volume_db must be between -96 and 12 dB"),
            ("""{"pan":1.01}""", 422, "pan must be between -1 and 1"),
            ("""{"pan":-2}""", 422, "pan must be between -1 and 1"),
            ("""{"volume_db":NaN}""", 400, "not valid JSON"),
            ("""{"volume_db":"NaN"}""", 400, "'volume_db' must be a number"),
            ("""{"volume_db":"-Infinity"}""", 400, "'volume_db' must be a number"),
            ("""{"volume_db":1e999}""", 422, "volume_db must be a finite number"),
            ("""{"mute":"yes"}""", 400, "'mute' must be true or false"),
            ("""{"monitor_mode":"sometimes"}""", 400, "'monitor_mode' must be one of"),
            ("""{"name":42}""", 400, "'name' must be a string"),
            ("""{"color":"red"}""", 422, "color must be"),
            ("""{"input_channels":[0,1,2]}""", 422, "input_channels holds one"),
            ("""{"input_channels":[-1]}""", 422, "input_channels must be device channel numbers"),
            ("""{"effects":"reverb"}""", 422, "effects must be a JSON array"),
            ("""{"name":""}""", 422, "name must not be empty"),
        ];
        foreach (var (body, status, says) in cases)
        {
            var state = await StoreState.CaptureAsync(factory);
            var detail = await (await client.PatchRawAsync($"/api/tracks/{track}", body)).AssertProblemAsync(status);
            Assert.True(detail.Contains(says, StringComparison.Ordinal), $"{body} -> {detail}");
            Assert.Equal(before, (await (await client.GetAsync($"/api/tracks/{track}")).JsonAsync()).GetRawText());
            // The same values are refused on creation, and no track appears.
            await (await client.PostRawAsync($"/api/projects/{project}/tracks", body)).AssertProblemAsync(status);
            Assert.Equal(state, await StoreState.CaptureAsync(factory));
        }
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Unknown_ids_get_404(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var nobody = Guid.NewGuid();
        await (await client.GetAsync($"/api/tracks/{nobody}")).AssertProblemAsync(404);
        await (await client.PatchRawAsync($"/api/tracks/{nobody}", """{"mute":true}""")).AssertProblemAsync(404);
        await (await client.DeleteAsync($"/api/tracks/{nobody}")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/projects/{nobody}/tracks")).AssertProblemAsync(404);
        var detail = await (await client.PostRawAsync($"/api/projects/{nobody}/tracks", "{}")).AssertProblemAsync(404);
        Assert.Contains(nobody.ToString(), detail, StringComparison.Ordinal);
    }
}
