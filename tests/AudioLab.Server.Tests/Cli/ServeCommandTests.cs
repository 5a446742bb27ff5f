using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AudioLab.Server.Tests.Infrastructure;

namespace AudioLab.Server.Tests.Cli;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_on_an_empty_data_folder_creates_the_database_and_answers_health()
    {
        var data = Path.Combine(Path.GetTempPath(), $"audiolab-serve-{Guid.NewGuid():N}");
        var port = AudioLabProcess.FreePort();
        using var server = AudioLabProcess.Start("serve", "--urls", $"http://127.0.0.1:{port}", "--data", data);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            JsonElement? health = null;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (health is null && DateTime.UtcNow < deadline && !server.HasExited)
            {
                try
                {
                    var response = await client.GetAsync("/api/health", TestContext.Current.CancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK) health = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200, TestContext.Current.CancellationToken); // not listening yet
                }
            }
            Assert.True(health is not null, $"the server did not answer /api/health within 60 s:\n{server.Output}");
            Assert.Equal("ok", health.Value.GetProperty("status").GetString());
            Assert.Equal("sqlite", health.Value.GetProperty("database").GetString());
            Assert.True(File.Exists(Path.Combine(data, "audiolab.db")), server.Output);
            Assert.True(Directory.Exists(Path.Combine(data, "audio")));

            // The migrated schema is usable straight away.
            var created = await client.PostAsync("/api/projects", Api.Body("""{"name":"From a real server"}"""), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        finally
        {
            server.Dispose();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }
}
