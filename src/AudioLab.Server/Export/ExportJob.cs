using AudioLab.Data;
using AudioLab.Engine.Model;
using AudioLab.Engine.Rendering;

namespace AudioLab.Server.Export;

/// <summary>
/// One export: the project as it was when the export was requested (so later edits do not change it), the options,
/// and its state. The worker thread writes the state while request threads read it, hence the lock; it is held only
/// to copy a few fields. Also the progress sink the renderer reports to.
/// </summary>
public sealed class ExportJob : IProgress<double>
{
    private readonly Lock _gate = new();
    private ExportStatus _status = ExportStatus.Queued;
    private double _progress;
    private ExportResult? _result;
    private string? _error;
    private DateTime? _startedAt;
    private DateTime? _finishedAt;

    public ExportJob(Guid id, Guid projectId, string projectName, ProjectModel project, ExportOptions options, long startFrame, long endFrame)
    {
        Id = id;
        ProjectId = projectId;
        ProjectName = projectName;
        Project = project;
        Options = options;
        StartFrame = startFrame;
        EndFrame = endFrame;
        CreatedAt = DbClock.UtcNow;
    }

    public Guid Id { get; }
    public Guid ProjectId { get; }
    public string ProjectName { get; }

    /// <summary>The snapshot rendered: taken when the export was requested.</summary>
    public ProjectModel Project { get; }

    /// <summary>Options with <see cref="ExportOptions.OutputPath"/> set to the job's mix file.</summary>
    public ExportOptions Options { get; }

    /// <summary>First timeline frame rendered.</summary>
    public long StartFrame { get; }

    /// <summary>End of the rendered range (exclusive), as resolved when the job was created.</summary>
    public long EndFrame { get; }

    public DateTime CreatedAt { get; }

    /// <summary>A consistent copy of the changing state.</summary>
    public ExportJobState State
    {
        get
        {
            lock (_gate) return new ExportJobState(_status, _progress, _result, _error, _startedAt, _finishedAt);
        }
    }

    /// <summary>Progress 0..1 from the renderer; never goes backwards.</summary>
    public void Report(double value)
    {
        lock (_gate)
        {
            if (_status == ExportStatus.Running) _progress = Math.Clamp(Math.Max(_progress, value), 0, 1);
        }
    }

    public void MarkRunning()
    {
        lock (_gate)
        {
            _status = ExportStatus.Running;
            _startedAt = DbClock.UtcNow;
        }
    }

    public void MarkDone(ExportResult result)
    {
        lock (_gate)
        {
            _result = result;
            _progress = 1;
            _status = ExportStatus.Done;
            _finishedAt = DbClock.UtcNow;
        }
    }

    public void MarkFailed(string error)
    {
        lock (_gate)
        {
            _error = error;
            _status = ExportStatus.Failed;
            _finishedAt = DbClock.UtcNow;
        }
    }
}
