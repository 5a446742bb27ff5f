using System.Diagnostics;
using System.Globalization;
using AudioLab.Core.Audio;
using AudioLab.Engine.Rendering;

namespace AudioLab.Bench;

/// <summary>
/// <c>export --dir DIR --out FILE [--no-effects] [--threads N]</c>: mixes every WAV in DIR (one track each, 3 effects per
/// track, master limiter, 24-bit TPDF-dithered) and prints one line: <c>seconds=… frames=… xrealtime=… peak_dbfs=… underruns=…</c>.
/// </summary>
public static class ExportCommand
{
    public static int Run(string[] args)
    {
        string? dir = null, output = null;
        var effects = true;
        var threads = Environment.ProcessorCount;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dir": dir = args[++i]; break;
                case "--out": output = args[++i]; break;
                case "--no-effects": effects = false; break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }
        if (dir is null || output is null)
        {
            Console.Error.WriteLine("usage: export --dir DIR --out FILE [--no-effects] [--threads N]");
            return 2;
        }
        var files = Directory.GetFiles(dir, "*.wav").Order(StringComparer.Ordinal)
            .Select(p => { var info = WavReader.Probe(p); return (p, info.AvailableFrames, info.Channels); }).ToList();
        var project = BenchProject.Create(files, effects);
        if (!effects) project = project with { Tracks = [.. project.Tracks.Select(t => t with { Effects = [] })], MasterEffects = [] };
        var clock = Stopwatch.StartNew();
        var result = new ExportRenderer().Render(project, new ExportOptions { OutputPath = output, Format = SampleFormat.Pcm24, MaxParallelism = threads });
        var seconds = clock.Elapsed.TotalSeconds;
        var audioSeconds = result.FramesWritten / 48000.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seconds={seconds:0.000} frames={result.FramesWritten} xrealtime={audioSeconds / seconds:0.0} peak_dbfs={result.PeakDbfs:0.00} clipped={result.ClippedSamples} underruns={result.UnderrunFrames}"));
        return 0;
    }
}
