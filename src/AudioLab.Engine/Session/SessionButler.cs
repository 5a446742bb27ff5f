using AudioLab.Engine.Graph;
using AudioLab.Engine.Streaming;

namespace AudioLab.Engine.Session;

/// <summary>
/// The disk-reading butler of a live session (Ardour's butler): keeps the clip rings of the playing and the pending graph
/// filled ahead of the playhead and disposes retired graphs. Disposal and refill happen on this one thread, so a ring's
/// file is never closed while it is being read. Runs on its own thread; never waits on the audio thread.
/// </summary>
public sealed class SessionButler : IDisposable
{
    private readonly GraphExchange _graphs;
    private readonly DiskReader _reader = new([]);
    private readonly List<PlaybackGraph> _retired = [];
    private readonly Thread _thread;
    private volatile bool _running;
    private PlaybackGraph? _servedCurrent;
    private PlaybackGraph? _servedPending;
    private Exception? _fault;

    public SessionButler(GraphExchange graphs)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        _graphs = graphs;
        _thread = new Thread(Run) { IsBackground = true, Name = "AudioLab disk butler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>How long the butler sleeps when every ring is at least half full.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Graphs disposed so far.</summary>
    public long GraphsDisposed { get; private set; }

    /// <summary>An unexpected failure that stopped the butler (file errors stay inside each clip ring).</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    public void Start()
    {
        _running = true;
        _thread.Start();
    }

    private void Run()
    {
        try
        {
            while (_running)
            {
                if (ServeOnce() == 0) Thread.Sleep(IdleWait);
            }
        }
#pragma warning disable CA1031 // reported through Fault; playback goes on with underruns instead of taking the process down
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _fault, ex);
        }
    }

    /// <summary>One round: collect retired graphs, re-target the reader, dispose, refill. Returns frames loaded.</summary>
    private long ServeOnce()
    {
        _graphs.CollectRetired(_retired);
        var current = _graphs.Current;
        var pending = _graphs.Pending;
        if (!ReferenceEquals(current, _servedCurrent) || !ReferenceEquals(pending, _servedPending))
        {
            var streams = new List<ClipStream>();
            if (current is not null) streams.AddRange(current.Streams);
            if (pending is not null) streams.AddRange(pending.Streams.Where(s => current is null || !current.Streams.Contains(s)));
            _reader.Attach(streams);
            _servedCurrent = current;
            _servedPending = pending;
        }
        if (_retired.Count > 0)
        {
            foreach (var g in _retired) g.Dispose();
            GraphsDisposed += _retired.Count;
            _retired.Clear();
        }
        return _reader.FillAll();
    }

    /// <summary>Stops the thread and waits for it. Control thread.</summary>
    public void Dispose()
    {
        _running = false;
        if (_thread.IsAlive) _thread.Join();
    }
}
