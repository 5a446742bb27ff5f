using AudioLab.Server.Apis;
using AudioLab.Server.Extensions;
using AudioLab.Server.Live;

namespace AudioLab.Server;

/// <summary>Builds the web application; shared by <c>audiolab serve</c> and the test host.</summary>
public static class AudioLabApp
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <param name="args">Host arguments (<c>--key=value</c> configuration overrides).</param>
    /// <param name="urls">Addresses to listen on; default <see cref="DefaultUrls"/> unless configured (e.g. ASPNETCORE_URLS).</param>
    /// <param name="dataFolder">Overrides <c>AudioLab:DataFolder</c>.</param>
    public static WebApplication Build(string[] args, string? urls = null, string? dataFolder = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (dataFolder is not null) builder.Configuration["AudioLab:DataFolder"] = dataFolder;
        if (urls is not null) builder.WebHost.UseUrls(urls);
        else if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrls);
        builder.AddApplicationServices();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.UseLiveGraphRefresh();
        app.MapHealthApi();
        app.MapProjectsApi();
        app.MapTracksApi();
        app.MapClipsApi();
        app.MapLoopRegionsApi();
        app.MapEffectsApi();
        app.MapExportsApi();
        app.MapDevicesApi();
        app.MapPlaybackApi();
        app.MapRecordingApi();
        app.MapMetersApi();
        return app;
    }
}
