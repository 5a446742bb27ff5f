using System.Text.Json;
using System.Text.Json.Serialization;
using AudioLab.Data;
using AudioLab.Server.Audio;
using AudioLab.Server.Engine;
using AudioLab.Server.Export;
using AudioLab.Server.Infrastructure;
using Microsoft.Extensions.Options;

namespace AudioLab.Server.Extensions;

public static class ApplicationServicesExtensions
{
    /// <summary>Everything the API needs: options, data folder, database, audio services, JSON and error conventions.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<AudioLabOptions>().Bind(builder.Configuration.GetSection(AudioLabOptions.Section))
            .Validate(o => o.MaxTracks >= 1, "AudioLab:MaxTracks must be at least 1.")
            .Validate(o => o.MaxUploadBytes >= 1024, "AudioLab:MaxUploadBytes must be at least 1024.");
        // Read lazily from configuration, so test hosts and the command line can override it before first use.
        services.AddSingleton(sp => new DataFolder(sp.GetRequiredService<IOptions<AudioLabOptions>>().Value.DataFolder));
        services.AddSingleton(sp => AudioLabDatabase.FromConfiguration(
            sp.GetRequiredService<IConfiguration>().GetConnectionString("AudioLab"),
            sp.GetRequiredService<DataFolder>().Root));
        services.AddScoped(sp => sp.GetRequiredService<AudioLabDatabase>().CreateContext());
        services.AddHostedService<DatabaseMigrator>();
        services.AddScoped<AudioImporter>();
        services.AddSingleton<ClipAudio>();
        services.AddSingleton<ProjectModelLoader>();
        services.AddSingleton<ExportQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportQueue>());
        services.AddLiveAudio(builder.Configuration);

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw so BadRequestExceptionHandler can say which field was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddOpenApi();
        return builder;
    }

    /// <summary>snake_case names and enums like the plan, strict numbers, and no silently ignored (misspelt) fields.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }
}
