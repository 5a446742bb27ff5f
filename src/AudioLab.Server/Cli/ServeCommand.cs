using System.CommandLine;

namespace AudioLab.Server.Cli;

/// <summary><c>audiolab serve [--urls URLS] [--data DIR]</c>: runs the HTTP server.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on, separated by ';' (default {AudioLabApp.DefaultUrls})." };
        var data = new Option<string?>("--data") { Description = "Data folder for the database and audio files (default ./data)." };
        var command = new Command("serve", "Run the HTTP API server.") { urls, data };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync([.. parse.UnmatchedTokens], parse.GetValue(urls), parse.GetValue(data), ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, string? urls, string? data, CancellationToken ct)
    {
        var app = AudioLabApp.Build(hostArgs, urls, data);
        // Ctrl+C reaches the host both through its own console lifetime and through the command line's token.
        await ((IHost)app).RunAsync(ct);
        return 0;
    }
}
