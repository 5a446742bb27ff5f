using System.Net;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Apis;

public sealed class HealthApiTests(DatabaseFixtures fixtures)
{
    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Health_reports_ok_and_which_database_answers(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var response = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal(db, body.GetProperty("database").GetString());
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task OpenApi_document_describes_every_endpoint(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.JsonAsync()).GetProperty("paths");
        string[] expected =
        [
            "/api/health", "/api/projects", "/api/projects/{project_id}", "/api/projects/{project_id}/tracks",
            "/api/tracks/{track_id}", "/api/tracks/{track_id}/clips", "/api/projects/{project_id}/clips",
            "/api/clips/{clip_id}", "/api/clips/{clip_id}/audio", "/api/clips/{clip_id}/peaks",
            "/api/projects/{project_id}/loop-regions", "/api/loop-regions/{loop_region_id}",
        ];
        foreach (var path in expected) Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        Assert.True(paths.GetProperty("/api/tracks/{track_id}").TryGetProperty("patch", out _));
    }

    [Theory, InlineData(Db.Sqlite), InlineData(Db.Postgres)]
    public async Task Unknown_routes_and_malformed_ids_get_a_problem_404(string db)
    {
        var client = (await fixtures.GetAsync(db)).CreateClient();
        await (await client.GetAsync("/api/nothing-here")).AssertProblemAsync(404);
        await (await client.GetAsync("/api/projects/not-a-uuid")).AssertProblemAsync(404);
    }
}
