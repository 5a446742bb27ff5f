using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AudioLab.Server.Tests.Infrastructure;

/// <summary>Small HTTP helpers; responses are read as raw JSON so the tests see the wire format.</summary>
public static class Api
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json) => client.PostAsync(url, Body(json));

    public static Task<HttpResponseMessage> PatchRawAsync(this HttpClient client, string url, string json) => client.PatchAsync(url, Body(json));

    public static async Task<JsonElement> CreateProjectAsync(this HttpClient client, string name = "Song", string extra = "")
    {
        var response = await client.PostRawAsync("/api/projects", $"{{\"name\":\"{name}\"{extra}}}");
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> CreateTrackAsync(this HttpClient client, Guid projectId, string json = "{}")
    {
        var response = await client.PostRawAsync($"/api/projects/{projectId}/tracks", json);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid trackId, byte[] file, string fileName = "take.wav",
        params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(content, "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return client.PostAsync($"/api/tracks/{trackId}/clips", form);
    }

    public static async Task<JsonElement> UploadOkAsync(this HttpClient client, Guid trackId, byte[] file, params (string Name, string Value)[] fields)
    {
        var response = await client.UploadAsync(trackId, file, "take.wav", fields);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>Asserts an RFC 9457 problem with the given status and returns its detail.</summary>
    public static async Task<string> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(status, doc.RootElement.GetProperty("status").GetInt32());
        var detail = doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        return detail;
    }
}
