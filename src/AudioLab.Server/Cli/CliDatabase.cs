using System.CommandLine;
using System.Text.Json;
using AudioLab.Data;
using AudioLab.Server.Extensions;
using AudioLab.Server.Infrastructure;

namespace AudioLab.Server.Cli;

/// <summary>
/// Direct access to the same database and data folder the server uses, for the scripting commands.
/// Configuration comes from the environment (<c>ConnectionStrings__AudioLab</c>, <c>AudioLab__DataFolder</c>)
/// and the <c>--data</c> option.
/// </summary>
internal sealed class CliDatabase
{
    private CliDatabase(AudioLabDatabase database, DataFolder dataFolder)
    {
        Database = database;
        DataFolder = dataFolder;
    }

    public AudioLabDatabase Database { get; }
    public DataFolder DataFolder { get; }

    public static readonly JsonSerializerOptions Json = CreateJson();

    public static async Task<CliDatabase> OpenAsync(string? dataOption, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = new AudioLabOptions();
        configuration.GetSection(AudioLabOptions.Section).Bind(options);
        var folder = new DataFolder(dataOption ?? options.DataFolder);
        folder.EnsureCreated();
        var database = AudioLabDatabase.FromConfiguration(configuration.GetConnectionString("AudioLab"), folder.Root);
        await database.MigrateAsync(ct);
        return new CliDatabase(database, folder);
    }

    public static Option<string?> DataOption() =>
        new("--data") { Description = "Data folder for the database and audio files (default ./data)." };

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        ApplicationServicesExtensions.ConfigureJson(json);
        return json;
    }
}
