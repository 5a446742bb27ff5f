using AudioLab.Data;
using AudioLab.Engine.Devices;
using AudioLab.Engine.Session;
using AudioLab.Server.Engine;
using AudioLab.Server.Infrastructure;
using Microsoft.Extensions.Options;

namespace AudioLab.Server.Live;

/// <summary>
/// One live <see cref="LiveSession"/> per open project, each on its own device from the <see cref="AudioDeviceCatalog"/>
/// (configured by <c>Audio:*</c>). A device serves one project at a time. Control threads only; opening is serialized.
/// </summary>
public sealed class SessionManager(AudioDeviceCatalog catalog, DataFolder folder, ProjectModelLoader loader, IOptions<AudioOptions> audio, ILogger<SessionManager> logger) : IDisposable
{
    private readonly Dictionary<Guid, LiveSession> _sessions = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public AudioDeviceCatalog Catalog => catalog;

    /// <summary>Where takes are written before they become audio files (same file system as <c>audio/</c>).</summary>
    public string CaptureDirectory => Path.Combine(folder.Root, "capture");

    public bool HasLiveSessions
    {
        get
        {
            lock (_sessions) return _sessions.Count > 0;
        }
    }

    public LiveSession? Find(Guid projectId)
    {
        lock (_sessions) return _sessions.GetValueOrDefault(projectId);
    }

    /// <summary>
    /// The project's live session, opened on <paramref name="deviceId"/> (or the configured device) if it has none.
    /// Throws <see cref="KeyNotFoundException"/> for an unknown device or project and <see cref="SessionConflictException"/>
    /// when the project plays on another device or the device serves another project.
    /// </summary>
    public async Task<LiveSession> OpenAsync(Guid projectId, string? deviceId, AudioLabDbContext db, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (Find(projectId) is { } existing)
            {
                if (deviceId is not null && deviceId != existing.DeviceId)
                    throw new SessionConflictException($"The project is live on device '{existing.DeviceId}', not '{deviceId}'. Stop using it first.");
                return existing;
            }
            var model = await loader.LoadAsync(db, projectId, ct)
                ?? throw new KeyNotFoundException($"There is no project with id {projectId}.");
            IAudioDevice device;
            if (deviceId is null)
            {
                device = catalog.CreateConfiguredDevice();
                if (catalog.FallbackReason is { } reason) logger.LogWarning("{Reason}", reason);
            }
            else
            {
                device = catalog.CreateDevice(deviceId);
            }
            var id = device.Info.Id;
            lock (_sessions)
            {
                if (_sessions.Values.FirstOrDefault(s => s.DeviceId == id) is { } busy)
                {
                    device.Dispose();
                    throw new SessionConflictException($"Device '{id}' is in use by project {busy.ProjectId}.");
                }
            }
            var engine = new EngineSession(device, new EngineSessionOptions
            {
                SampleRate = model.SampleRate,
                BufferFrames = audio.Value.BufferFrames,
                CaptureDirectory = CaptureDirectory,
            });
            try
            {
                engine.Start(model);
            }
            catch
            {
                engine.Dispose();
                throw;
            }
            var live = new LiveSession(projectId, id, engine);
            lock (_sessions) _sessions[projectId] = live;
            logger.LogInformation("Project {Project} is live on device {Device}", projectId, id);
            return live;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Rebuilds the graphs of every live session from the database (after an edit). Failures keep the old graph.</summary>
    public async Task RefreshAllAsync(AudioLabDbContext db, CancellationToken ct)
    {
        LiveSession[] sessions;
        lock (_sessions) sessions = [.. _sessions.Values];
        foreach (var s in sessions)
        {
            try
            {
                var model = await loader.LoadAsync(db, s.ProjectId, ct);
                if (model is null) continue;
                s.Engine.UpdateGraph(model);
            }
            catch (Exception ex) when (ex is AudioLab.Engine.Graph.GraphBuildException or AudioLab.Engine.Effects.EffectValidationException or ArgumentException or IOException)
            {
                logger.LogWarning(ex, "Project {Project}: the edit could not be applied to the live session", s.ProjectId);
            }
        }
    }

    public void Dispose()
    {
        lock (_sessions)
        {
            foreach (var s in _sessions.Values) s.Dispose();
            _sessions.Clear();
        }
        _gate.Dispose();
    }
}
