using AudioLab.Engine.Session;

namespace AudioLab.Server.Live;

/// <summary>A project's engine session bound to one device, plus the recording_sessions rows of its running takes.</summary>
public sealed class LiveSession(Guid projectId, string deviceId, EngineSession engine) : IDisposable
{
    private readonly Dictionary<Guid, Guid> _rows = [];
    private readonly Lock _gate = new();

    public Guid ProjectId { get; } = projectId;

    public string DeviceId { get; } = deviceId;

    public EngineSession Engine { get; } = engine;

    public int SampleRate => Engine.SampleRate;

    /// <summary>Remembers the recording_sessions row of a track's running recording.</summary>
    public void SetRow(Guid trackId, Guid rowId)
    {
        lock (_gate) _rows[trackId] = rowId;
    }

    public Guid? TakeRow(Guid trackId)
    {
        lock (_gate) return _rows.Remove(trackId, out var id) ? id : null;
    }

    public void Dispose() => Engine.Dispose();
}
