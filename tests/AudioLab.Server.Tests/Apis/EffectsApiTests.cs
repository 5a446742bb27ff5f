using System.Net;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Apis;

public sealed class EffectsApiTests(DatabaseFixtures fixtures)
{
    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Catalogue_lists_every_type_with_ranges_defaults_and_units(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var types = await (await client.GetAsync("/api/effects")).JsonAsync();
        Assert.Equal(["compressor", "delay", "eq", "gain", "limiter", "reverb"], types.EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        var compressor = types.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "compressor");
        Assert.False(string.IsNullOrEmpty(compressor.GetProperty("description").GetString()));
        var ratio = compressor.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "ratio");
        Assert.Equal(1, ratio.GetProperty("min").GetDouble());
        Assert.Equal(20, ratio.GetProperty("max").GetDouble());
        Assert.Equal(4, ratio.GetProperty("default").GetDouble());
        Assert.Equal(":1", ratio.GetProperty("unit").GetString());
        var eq = types.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "eq");
        Assert.Contains(eq.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "peak2_gain_db" && p.GetProperty("unit").GetString() == "dB");
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Track_and_master_chains_round_trip_in_order_and_show_on_track_and_project(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var project = await client.CreateProjectAsync();
        var track = (await client.CreateTrackAsync(project.Id())).Id();
        Assert.Equal("[]", (await (await client.GetAsync($"/api/tracks/{track}/effects")).JsonAsync()).GetRawText());
        Assert.Equal("[]", (await (await client.GetAsync($"/api/projects/{project.Id()}/master-effects")).JsonAsync()).GetRawText());

        var chain = """
            [{"type":"eq","parameters":{"low_cut_hz":80,"peak2_gain_db":-3.5,"peak2_q":2}},
             {"type":"compressor","enabled":false,"parameters":{"ratio":20,"threshold_db":-60}},
             {"type":"reverb"}]
            """;
        var response = await client.PutAsync($"/api/tracks/{track}/effects", Api.Body(chain));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = """[{"type":"eq","enabled":true,"parameters":{"low_cut_hz":80,"peak2_gain_db":-3.5,"peak2_q":2}},{"type":"compressor","enabled":false,"parameters":{"ratio":20,"threshold_db":-60}},{"type":"reverb","enabled":true,"parameters":{}}]""";
        Assert.Equal(expected, (await response.JsonAsync()).GetRawText());
        Assert.Equal(expected, (await (await client.GetAsync($"/api/tracks/{track}/effects")).JsonAsync()).GetRawText());
        Assert.Equal(expected, (await (await client.GetAsync($"/api/tracks/{track}")).JsonAsync()).GetProperty("effects").GetRawText());
        var touched = (await (await client.GetAsync($"/api/projects/{project.Id()}")).JsonAsync()).GetProperty("updated_at").GetDateTime();
        Assert.True(touched > project.GetProperty("updated_at").GetDateTime());

        response = await client.PutAsync($"/api/projects/{project.Id()}/master-effects", Api.Body("""[{"type":"limiter","parameters":{"ceiling_db":-0.3}}]"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var master = """[{"type":"limiter","enabled":true,"parameters":{"ceiling_db":-0.3}}]""";
        Assert.Equal(master, (await (await client.GetAsync($"/api/projects/{project.Id()}/master-effects")).JsonAsync()).GetRawText());
        var after = await (await client.GetAsync($"/api/projects/{project.Id()}")).JsonAsync();
        Assert.Equal(master, after.GetProperty("master_effects").GetRawText());
        Assert.True(after.GetProperty("updated_at").GetDateTime() > touched);

        // An empty chain clears it.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/tracks/{track}/effects", Api.Body("[]"))).StatusCode);
        Assert.Equal("[]", (await (await client.GetAsync($"/api/tracks/{track}/effects")).JsonAsync()).GetRawText());
    }

    public static TheoryData<string, string, int, string> InvalidChains()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
        {
            data.Add(db, """[{"type":"eq"},{"type":"flanger"}]""", 422, "[1].type");
            data.Add(db, """[{"type":"eq"},{"type":"compressor","parameters":{"ratio":50}}]""", 422, "[1].parameters.ratio");
            data.Add(db, """[{"type":"delay","parameters":{"feedback":-0.1}}]""", 422, "[0].parameters.feedback");
            data.Add(db, """[{"type":"gain","parameters":{"gain":3}}]""", 422, "[0].parameters.gain");
            data.Add(db, """[{"type":"gain","parameters":{"gain_db":"3"}}]""", 422, "[0].parameters.gain_db");
            data.Add(db, """[{"type":"gain","parameters":[1]}]""", 422, "[0].parameters");
            data.Add(db, """[{"type":"gain","enabled":"yes"}]""", 422, "[0].enabled");
            data.Add(db, """[{"type":"gain","bypass":true}]""", 422, "[0].bypass");
            data.Add(db, """[{"parameters":{}}]""", 422, "[0].type");
            data.Add(db, """[{"type":7}]""", 422, "[0].type");
            data.Add(db, """["eq"]""", 422, "[0]");
            data.Add(db, """{"type":"eq"}""", 422, "");
            data.Add(db, """[{"type":"eq" """, 400, "not valid JSON");
            data.Add(db, "", 400, "needs a JSON body");
        }
        return data;
    }

    [Theory, MemberData(nameof(InvalidChains))]
    public async Task Invalid_chains_are_refused_with_the_path_and_nothing_changes(string db, string body, int status, string says)
    {
        var factory = await fixtures.GetAsync(db);
        var client = factory.CreateClient();
        var project = (await client.CreateProjectAsync()).Id();
        var track = (await client.CreateTrackAsync(project)).Id();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/tracks/{track}/effects", Api.Body("""[{"type":"gain","parameters":{"gain_db":-3}}]"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/projects/{project}/master-effects", Api.Body("""[{"type":"limiter"}]"""))).StatusCode);
        var trackBefore = (await (await client.GetAsync($"/api/tracks/{track}")).JsonAsync()).GetRawText();
        var projectBefore = (await (await client.GetAsync($"/api/projects/{project}")).JsonAsync()).GetRawText();
        var state = await StoreState.CaptureAsync(factory);

        foreach (var (url, prefix) in new[] { ($"/api/tracks/{track}/effects", "effects"), ($"/api/projects/{project}/master-effects", "master_effects") })
        {
            var response = await client.PutAsync(url, Api.Body(body));
            var detail = await response.AssertProblemAsync(status);
            if (status == 422)
            {
                var errors = (await response.JsonAsync()).GetProperty("errors");
                var key = prefix + says;
                Assert.True(errors.TryGetProperty(key, out var messages), $"{body}: no error for {key} in {errors.GetRawText()}");
                Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
                Assert.Contains(key, detail, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(says, detail, StringComparison.Ordinal);
            }
        }
        // The same chains are refused where tracks and projects take them whole.
        if (status == 422)
        {
            await (await client.PatchRawAsync($"/api/tracks/{track}", $$"""{"effects":{{body}}}""")).AssertProblemAsync(422);
            await (await client.PatchRawAsync($"/api/projects/{project}", $$"""{"master_effects":{{body}}}""")).AssertProblemAsync(422);
            await (await client.PostRawAsync($"/api/projects/{project}/tracks", $$"""{"effects":{{body}}}""")).AssertProblemAsync(422);
        }
        Assert.Equal(trackBefore, (await (await client.GetAsync($"/api/tracks/{track}")).JsonAsync()).GetRawText());
        Assert.Equal(projectBefore, (await (await client.GetAsync($"/api/projects/{project}")).JsonAsync()).GetRawText());
        Assert.Equal(state, await StoreState.CaptureAsync(factory));
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Unknown_ids_get_404(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var nobody = Guid.NewGuid();
        await (await client.GetAsync($"/api/tracks/{nobody}/effects")).AssertProblemAsync(404);
        await (await client.PutAsync($"/api/tracks/{nobody}/effects", Api.Body("[]"))).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/projects/{nobody}/master-effects")).AssertProblemAsync(404);
        await (await client.PutAsync($"/api/projects/{nobody}/master-effects", Api.Body("[]"))).AssertProblemAsync(404);
    }

}
