using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AudioLab.Server.Tests.Infrastructure;

/// <summary>Runs the built <c>audiolab</c> program (<c>dotnet AudioLab.Server.dll ...</c>) as a real process.</summary>
public sealed class AudioLabProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private AudioLabProcess(Process process) => _process = process;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "AudioLab.Server.dll");

    public static AudioLabProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ServerDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // The child must use its own defaults (SQLite in --data), whatever this test run's environment says.
        info.Environment.Remove("ConnectionStrings__AudioLab");
        info.Environment.Remove("AudioLab__DataFolder");
        info.Environment.Remove("ASPNETCORE_URLS");
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var result = new AudioLabProcess(process);
        process.OutputDataReceived += (_, e) => result.Append(e.Data);
        process.ErrorDataReceived += (_, e) => result.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs a command to completion (at most <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        using var cts = new CancellationTokenSource(timeout);
        await process._process.WaitForExitAsync(cts.Token);
        process._process.WaitForExit(); // drains the redirected streams
        return (process._process.ExitCode, process.Output);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
