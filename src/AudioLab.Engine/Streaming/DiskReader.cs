namespace AudioLab.Engine.Streaming;

/// <summary>
/// The disk butler: keeps every <see cref="ClipStream"/> of the current graph filled ahead of the playhead.
/// Offline export calls <see cref="FillAll"/> on its own thread before each block (freewheel); live playback calls
/// <see cref="Start"/>, which runs a background thread that refills every few milliseconds, so the audio thread never
/// touches a file. The set of streams is swapped with <see cref="Attach"/> when a new graph is published.
/// </summary>
public sealed class DiskReader : IDisposable
{
    private volatile IReadOnlyList<ClipStream> _streams;
    private Thread? _thread;
    private volatile bool _running;

    public DiskReader(IReadOnlyList<ClipStream> streams) => _streams = streams;

    /// <summary>How long the butler sleeps when every ring is at least half full.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Replaces the streams served (a new graph was published). Any thread.</summary>
    public void Attach(IReadOnlyList<ClipStream> streams) => _streams = streams;

    /// <summary>Total ring memory of the attached streams: the bound on audio held in memory.</summary>
    public long BufferBytes => _streams.Sum(s => s.BufferBytes);

    /// <summary>Fills every stream once. Producer thread (I/O). Returns frames loaded.</summary>
    public long FillAll()
    {
        long total = 0;
        var streams = _streams;
        for (var i = 0; i < streams.Count; i++) total += streams[i].Fill();
        return total;
    }

    /// <summary>Starts the butler thread (live playback). Not needed for offline export.</summary>
    public void Start()
    {
        if (_thread is not null) return;
        _running = true;
        _thread = new Thread(Run) { IsBackground = true, Name = "AudioLab disk reader", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    private void Run()
    {
        while (_running)
        {
            if (FillAll() == 0) Thread.Sleep(IdleWait);
        }
    }

    /// <summary>Stops the butler thread and waits for it.</summary>
    public void Stop()
    {
        _running = false;
        _thread?.Join();
        _thread = null;
    }

    public void Dispose() => Stop();
}
