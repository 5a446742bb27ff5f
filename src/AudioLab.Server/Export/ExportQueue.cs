using System.Collections.Concurrent;
using System.Threading.Channels;
using AudioLab.Engine.Effects;
using AudioLab.Engine.Graph;
using AudioLab.Engine.Rendering;
using AudioLab.Server.Infrastructure;

namespace AudioLab.Server.Export;

/// <summary>
/// Runs export jobs one at a time on a background worker (the renderer already spreads one export's tracks over
/// the cores). The queue is bounded: when <see cref="Capacity"/> jobs wait, new ones are refused rather than piling up.
/// Jobs live in memory only: after a restart their ids are unknown, while finished files stay in <c>exports/</c>.
/// On shutdown the running export is cancelled (its partial files are deleted) and queued ones are marked failed.
/// </summary>
public sealed class ExportQueue(DataFolder dataFolder, ILogger<ExportQueue> logger) : BackgroundService
{
    public const int Capacity = 16;
    public const string ExportsDirectoryName = "exports";
    public const string MixFileName = "mix.wav";

    private readonly Channel<ExportJob> _queue = Channel.CreateBounded<ExportJob>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentDictionary<Guid, ExportJob> _jobs = new();
    private readonly ExportRenderer _renderer = new();

    /// <summary>Folder holding one sub-folder of files per export.</summary>
    public string ExportsDirectory { get; } = Path.Combine(dataFolder.Root, ExportsDirectoryName);

    /// <summary>Where a job writes: <c>exports/{id}/</c>.</summary>
    public string JobDirectory(Guid jobId) => Path.Combine(ExportsDirectory, jobId.ToString("N"));

    public bool TryGet(Guid id, out ExportJob job) => _jobs.TryGetValue(id, out job!);

    /// <summary>Queues a job; false when the queue is full.</summary>
    public bool TryEnqueue(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _jobs[job.Id] = job;
        if (_queue.Writer.TryWrite(job)) return true;
        _jobs.TryRemove(job.Id, out _);
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
                await RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var waiting)) waiting.MarkFailed("The server stopped before this export ran.");
        }
    }

    private async Task RunAsync(ExportJob job, CancellationToken ct)
    {
        job.MarkRunning();
        var folder = Path.GetDirectoryName(job.Options.OutputPath)!;
        try
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ExportException($"Cannot create the export folder '{folder}': {e.Message}", e);
            }
            // The renderer is synchronous and CPU-bound; keep it off the host's threads.
            var result = await Task.Run(() => _renderer.Render(job.Project, job.Options, job, ct), ct);
            job.MarkDone(result);
            logger.LogInformation("Export {Id} of project {Project} done: {Frames} frames in {Elapsed}", job.Id, job.ProjectId, result.FramesWritten, result.Elapsed);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            job.MarkFailed("The export was cancelled because the server is stopping.");
            RemoveIfEmpty(folder);
            throw;
        }
        catch (Exception e) when (e is ExportException or GraphBuildException or EffectValidationException or InvalidDataException)
        {
            job.MarkFailed(e.Message);
            RemoveIfEmpty(folder);
            logger.LogWarning("Export {Id} of project {Project} failed: {Message}", job.Id, job.ProjectId, e.Message);
        }
#pragma warning disable CA1031 // A worker must survive any one job's failure; the exception is logged and reported on the job.
        catch (Exception e)
#pragma warning restore CA1031
        {
            job.MarkFailed("The export failed because of an internal error; the server log has the details.");
            RemoveIfEmpty(folder);
            logger.LogError(e, "Export {Id} of project {Project} failed", job.Id, job.ProjectId);
        }
    }

    private static void RemoveIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        catch (IOException)
        {
            // Best effort: an empty folder left behind holds no data.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
