using System.Diagnostics;
using AudioLab.Engine.PortAudio;

[assembly: AssemblyFixture(typeof(AudioLab.Device.Tests.JackServer))]

namespace AudioLab.Device.Tests;

/// <summary>
/// Makes sure a JACK server is running for the whole test run: uses one that already runs, otherwise starts
/// <c>jackd --no-realtime -d dummy -r 48000 -p 128</c> as a child process and stops it at the end. A machine without
/// JACK fails the run with instructions; these tests are never skipped.
/// </summary>
public sealed class JackServer : IDisposable
{
    /// <summary>JACK client name PortAudio registers in these tests; set before PortAudio is first initialized.</summary>
    public const string ClientName = "AudioLabDeviceTests";

    private const string Install = "Install and start it with the README test command (apt-get install -y jackd2 libportaudio2; jackd --no-realtime -d dummy -r 48000 -p 128 &).";

    private readonly Process? _jackd;

    public JackServer()
    {
        PortAudioLibrary.JackClientName = ClientName;
        if (Run("jack_lsp", "", out _) == 0) return;
        try
        {
            _jackd = Process.Start(new ProcessStartInfo("jackd", "--no-realtime -d dummy -r 48000 -p 128")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"jackd is not installed, so the PortAudio/JACK device tests cannot run. {Install}", ex);
        }
        _jackd!.OutputDataReceived += (_, _) => { };
        _jackd.ErrorDataReceived += (_, _) => { };
        _jackd.BeginOutputReadLine();
        _jackd.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_jackd.HasExited) throw new InvalidOperationException($"jackd exited with code {_jackd.ExitCode} at start-up. {Install}");
            if (Run("jack_lsp", "", out _) == 0) return;
            Thread.Sleep(100);
        }
        throw new InvalidOperationException($"jackd did not come up within 15 s. {Install}");
    }

    /// <summary>True when this fixture started jackd (and will stop it).</summary>
    public bool StartedByTests => _jackd is not null;

    /// <summary>JACK port names, one per line of <c>jack_lsp</c>.</summary>
    public static string[] Ports()
    {
        var code = Run("jack_lsp", "", out var output);
        if (code != 0) throw new InvalidOperationException($"jack_lsp failed ({code}): {output}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Runs a JACK command-line tool and returns its exit code (output and error merged into <paramref name="output"/>).</summary>
    public static int Run(string tool, string arguments, out string output)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, arguments)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            output = stdout.Result + stderr.Result;
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{tool}' is not installed. {Install}", ex);
        }
    }

    public void Dispose()
    {
        if (_jackd is null) return;
        if (!_jackd.HasExited)
        {
            // SIGTERM lets jackd remove its shared-memory segments; SIGKILL only if it hangs.
            Run("kill", $"-TERM {_jackd.Id}", out _);
            if (!_jackd.WaitForExit(5000)) _jackd.Kill();
            _jackd.WaitForExit(5000);
        }
        _jackd.Dispose();
    }
}
