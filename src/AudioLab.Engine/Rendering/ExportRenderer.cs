using System.Diagnostics;
using System.Globalization;
using AudioLab.Core.Audio;
using AudioLab.Core.Dsp;
using AudioLab.Engine.Graph;
using AudioLab.Engine.Model;

namespace AudioLab.Engine.Rendering;

/// <summary>
/// Offline mixdown: builds the same <see cref="PlaybackGraph"/> live playback uses and runs it as fast as the machine
/// allows (freewheel), filling each clip's disk ring synchronously before each block, so memory stays bounded by the
/// rings (32 k frames per clip) whatever the project's length. Output goes to hidden temporary files beside the target
/// that are renamed only when everything succeeded; on any failure or cancellation they are deleted.
/// Thread-safe: each call is independent.
/// </summary>
public sealed class ExportRenderer(GraphBuilder builder)
{
    public ExportRenderer() : this(new GraphBuilder()) { }

    /// <summary>Checks options against the project without rendering; an empty list means <see cref="Render"/> will accept them.</summary>
    public static IReadOnlyList<ExportException> Validate(ProjectModel project, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ExportException>();
        if (options.SampleRate is { } rate && rate != project.SampleRate)
            errors.Add(new("sample_rate", string.Create(CultureInfo.InvariantCulture,
                $"Export at {rate} Hz is not supported yet; the project runs at {project.SampleRate} Hz, so export at {project.SampleRate} Hz.")));
        if (options.Format == SampleFormat.Float64)
            errors.Add(new("bit_depth", "64-bit float export is not supported; use 16, 24, 32 or 32f."));
        if (options.StartFrame is < 0) errors.Add(new("range.start", "The range cannot start before 0."));
        if (options.EndFrame is { } end && end <= (options.StartFrame ?? 0))
            errors.Add(new("range.end", "The range must end after it starts."));
        if (options.TailFrames < 0) errors.Add(new("tail", "The tail cannot be negative."));
        if (options.Normalize && !(options.NormalizePeakDb is >= -60 and <= 0))
            errors.Add(new("normalize", "The normalize target must be between -60 and 0 dBFS."));
        if (options.BlockFrames is < 16 or > 65536) errors.Add(new("block_frames", "Block size must be 16..65536 frames."));
        if (string.IsNullOrWhiteSpace(options.OutputPath)) errors.Add(new("output", "An output path is required."));
        return errors;
    }

    /// <summary>
    /// Renders the project to <see cref="ExportOptions.OutputPath"/> (and stems). Reports progress 0..1.
    /// Throws <see cref="ExportException"/> (bad option, unwritable folder, disk full), <see cref="Effects.EffectValidationException"/>,
    /// <see cref="GraphBuildException"/> (missing file), or <see cref="OperationCanceledException"/>; none leaves a file behind.
    /// </summary>
    public ExportResult Render(ProjectModel project, ExportOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var errors = Validate(project, options);
        if (errors.Count > 0) throw errors[0];
        var clock = Stopwatch.StartNew();
        using var graph = builder.Build(project, GraphBuildOptions.Export(options.BlockFrames));
        var start = options.StartFrame ?? 0;
        var end = (options.EndFrame ?? ProjectEnd(project)) + options.TailFrames;
        var frames = Math.Max(0, end - start);
        var outputs = PlanOutputs(options, graph);
        var temps = new List<string>();
        try
        {
            double gainDb = 0;
            List<ExportSink> sinks;
            if (!options.Normalize)
            {
                sinks = OpenSinks(outputs, options, project.SampleRate, options.Format, graph.LatencyFrames, frames, 1f, temps);
                RenderInto(graph, sinks, start, frames, options, progress, 0, 1, cancellationToken);
            }
            else
            {
                // Pass 1: float temp files, no dither; pass 2: scale so the mix peaks at the target, then dither.
                var floats = OpenSinks(outputs, options, project.SampleRate, SampleFormat.Float32, graph.LatencyFrames, frames, 1f, temps);
                RenderInto(graph, floats, start, frames, options, progress, 0, 0.8, cancellationToken);
                var mixPeak = floats[0].Peak;
                var gain = mixPeak > 0 ? (float)(Decibels.ToGain(options.NormalizePeakDb) / mixPeak) : 1f;
                gainDb = Decibels.FromGain(gain);
                sinks = OpenSinks(outputs, options, project.SampleRate, options.Format, 0, frames, gain, temps);
                for (var i = 0; i < sinks.Count; i++)
                    Convert(floats[i].TempPath, sinks[i], options.BlockFrames, progress, 0.8 + 0.2 * i / sinks.Count, 0.2 / sinks.Count, cancellationToken);
            }
            foreach (var s in sinks) Publish(s);
            progress?.Report(1);
            var mix = sinks[0];
            return new ExportResult(
                [.. sinks.Select(s => new ExportedFile(s.FinalPath, s.TrackId, s.Name, s.PeakDbfs, s.Clipped))],
                mix.FramesWritten, project.SampleRate, mix.PeakDbfs, mix.Clipped, gainDb, graph.UnderrunFrames, clock.Elapsed);
        }
        finally
        {
            foreach (var t in temps) TryDelete(t);
        }
    }

    /// <summary>End of the last clip of any track, muted or not: muting must not shorten the export.</summary>
    public static long ProjectEnd(ProjectModel project) =>
        project.Tracks.SelectMany(t => t.Clips).Where(c => c.LengthFrames > 0).Select(c => c.StartFrame + c.LengthFrames).DefaultIfEmpty(0).Max();

    private sealed record Output(string FinalPath, Guid? TrackId, string Name);

    private static List<Output> PlanOutputs(ExportOptions options, PlaybackGraph graph)
    {
        var path = Path.GetFullPath(options.OutputPath);
        var list = new List<Output> { new(path, null, "mix") };
        if (options.Stems)
        {
            var dir = Path.GetDirectoryName(path)!;
            var stem = Path.GetFileNameWithoutExtension(path);
            var n = 0;
            foreach (var t in graph.Tracks)
            {
                n++;
                var name = string.Create(CultureInfo.InvariantCulture, $"{stem}.stem-{n:D2}-{SafeName(t.Model.Name)}.wav");
                list.Add(new Output(Path.Combine(dir, name), t.Id, t.Model.Name));
            }
        }
        return list;
    }

    private static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).Take(60).ToArray();
        var s = new string(chars).Trim();
        return s.Length == 0 ? "track" : s;
    }

    private static List<ExportSink> OpenSinks(List<Output> outputs, ExportOptions options, int rate, SampleFormat format,
        int mixLatency, long frames, float gain, List<string> temps)
    {
        var sinks = new List<ExportSink>();
        for (var i = 0; i < outputs.Count; i++)
        {
            var o = outputs[i];
            var dir = Path.GetDirectoryName(o.FinalPath)!;
            var temp = Path.Combine(dir, $".{Path.GetFileName(o.FinalPath)}.{Guid.NewGuid():N}.part");
            try
            {
                // Stems bypass the master chain, so only the mix is delayed by its latency.
                var sink = new ExportSink(o.FinalPath, temp, o.TrackId, o.Name, format, rate, i == 0 ? mixLatency : 0, frames, gain,
                    options.Dither, options.DitherSeed + (ulong)i);
                temps.Add(temp);
                sinks.Add(sink);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                foreach (var s in sinks) s.Dispose();
                throw new ExportException($"Cannot write the export to the folder '{dir}': {e.Message}", e);
            }
        }
        return sinks;
    }

    // Frames each strip renders ahead per parallel step (4 blocks of the default 4096). One barrier per chunk instead of
    // per block keeps both cores busy on a shared machine (a worker preempted mid-block no longer stalls every block),
    // and a strip's state stays on one core for the whole chunk. Memory: tracks × chunk × 8 bytes (4 MB for 32 tracks).
    private const int ChunkFrames = 16384;

    private void RenderInto(PlaybackGraph graph, List<ExportSink> sinks, long start, long frames, ExportOptions options,
        IProgress<double>? progress, double progressFrom, double progressSpan, CancellationToken ct)
    {
        var block = options.BlockFrames;
        var chunk = Math.Max(1, ChunkFrames / block) * block;
        var tracks = graph.Tracks;
        var aheadL = new float[tracks.Count][];
        var aheadR = new float[tracks.Count][];
        for (var i = 0; i < tracks.Count; i++)
        {
            aheadL[i] = new float[chunk];
            aheadR[i] = new float[chunk];
        }
        var mixL = new float[block];
        var mixR = new float[block];
        var stemL = new float[block];
        var stemR = new float[block];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = ct };
        var total = frames + graph.LatencyFrames;
        var lastReport = -1.0;
        try
        {
            for (long chunkStart = 0; chunkStart < total; chunkStart += chunk)
            {
                ct.ThrowIfCancellationRequested();
                var chunkFrames = (int)Math.Min(chunk, total - chunkStart);
                var t = start + chunkStart;
                // Strips are independent: render each one's blocks of this chunk, in parallel across strips.
                if (parallel.MaxDegreeOfParallelism > 1 && tracks.Count > 1)
                    Parallel.For(0, tracks.Count, parallel, i => RenderAhead(tracks[i], t, chunkFrames, block, aheadL[i], aheadR[i]));
                else
                    for (var i = 0; i < tracks.Count; i++) RenderAhead(tracks[i], t, chunkFrames, block, aheadL[i], aheadR[i]);
                // Then mix block by block, in track order (so the sums are the same for any thread count).
                for (var offset = 0; offset < chunkFrames; offset += block)
                {
                    var n = Math.Min(block, chunkFrames - offset);
                    Array.Clear(mixL);
                    Array.Clear(mixR);
                    graph.Master.MixAndProcess(tracks, aheadL, aheadR, offset, n, mixL, mixR);
                    sinks[0].Write(mixL.AsSpan(0, n), mixR.AsSpan(0, n));
                    for (var i = 1; i < sinks.Count; i++)
                    {
                        if (sinks[i].IsDone) continue;
                        Array.Clear(stemL);
                        Array.Clear(stemR);
                        tracks[i - 1].MixFrom(aheadL[i - 1].AsSpan(offset, n), aheadR[i - 1].AsSpan(offset, n), stemL, stemR);
                        sinks[i].Write(stemL.AsSpan(0, n), stemR.AsSpan(0, n));
                    }
                    var done = chunkStart + offset + n;
                    var fraction = total == 0 ? 1 : (double)done / total;
                    if (progress is not null && fraction - lastReport >= 0.01)
                    {
                        progress.Report(progressFrom + progressSpan * fraction);
                        lastReport = fraction;
                    }
                }
            }
            foreach (var s in sinks) s.Complete();
        }
        catch (IOException e)
        {
            foreach (var s in sinks) s.Dispose();
            throw new ExportException($"Writing the export failed: {e.Message}", e);
        }
        catch
        {
            foreach (var s in sinks) s.Dispose();
            throw;
        }
    }

    /// <summary>Renders frames [timelineFrame, + frames) of one strip, block by block, into its own chunk buffers.</summary>
    private static void RenderAhead(TrackStrip track, long timelineFrame, int frames, int block, float[] left, float[] right)
    {
        for (var offset = 0; offset < frames; offset += block)
        {
            var n = Math.Min(block, frames - offset);
            var t = timelineFrame + offset;
            // Freewheel: the render thread is its own disk butler. A ring at least half empty is topped up, which always
            // covers the next block because rings hold at least two blocks.
            foreach (var clip in track.Clips)
            {
                if (clip.EndFrame > t) clip.Stream.Fill();
            }
            track.RenderInto(t, left.AsSpan(offset, n), right.AsSpan(offset, n));
        }
    }

    private static void Convert(string floatTemp, ExportSink sink, int block, IProgress<double>? progress, double from, double span, CancellationToken ct)
    {
        try
        {
            using var reader = WavReader.Open(floatTemp);
            var inter = new float[block * 2];
            var l = new float[block];
            var r = new float[block];
            long done = 0;
            var total = Math.Max(1, reader.Length);
            int got;
            while ((got = reader.Read(inter)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < got; i++)
                {
                    l[i] = inter[2 * i];
                    r[i] = inter[2 * i + 1];
                }
                sink.Write(l.AsSpan(0, got), r.AsSpan(0, got));
                done += got;
                progress?.Report(from + span * done / total);
            }
            sink.Complete();
        }
        catch (IOException e)
        {
            sink.Dispose();
            throw new ExportException($"Writing the export failed: {e.Message}", e);
        }
        catch
        {
            sink.Dispose();
            throw;
        }
    }

    private static void Publish(ExportSink sink)
    {
        try
        {
            File.Move(sink.TempPath, sink.FinalPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExportException($"Cannot move the finished export to '{sink.FinalPath}': {e.Message}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a temp file we cannot delete is hidden and named .part; it never replaces the target.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
