using AudioLab.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AudioLab.Server.Tests.Infrastructure;

/// <summary>The real app in memory, on its own data folder and database.</summary>
public sealed class AudioLabFactory(string dataFolder, string? connectionString) : WebApplicationFactory<Program>
{
    /// <summary>Small enough that a test can cross it cheaply.</summary>
    public const long MaxUploadBytes = 4 * 1024 * 1024;

    public string DataFolder { get; } = dataFolder;

    public AudioLabDatabase Database { get; } = AudioLabDatabase.FromConfiguration(connectionString, dataFolder);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("AudioLab:DataFolder", DataFolder);
        builder.UseSetting("AudioLab:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ConnectionStrings:AudioLab", connectionString ?? "");
    }
}
