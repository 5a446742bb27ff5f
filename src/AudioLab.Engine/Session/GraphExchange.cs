using AudioLab.Engine.Graph;
using AudioLab.Engine.Realtime;

namespace AudioLab.Engine.Session;

/// <summary>
/// Hands new graphs to the audio thread and old ones back out. A control thread publishes a graph into the pending
/// slot (one reference exchange); the audio thread takes it at the top of its next block and pushes the graph it
/// replaces into a retire queue; the butler disposes retired graphs, off the audio thread and on the same thread that
/// reads their files. A pending graph replaced before the audio thread took it never played and is retired directly.
/// </summary>
public sealed class GraphExchange
{
    private readonly SpscQueue<Retired> _retired = new(64);
    private readonly System.Collections.Concurrent.ConcurrentQueue<PlaybackGraph> _discarded = new();
    private PlaybackGraph? _pending;
    private PlaybackGraph? _current;
    private long _swaps;

    private readonly record struct Retired(PlaybackGraph Graph);

    /// <summary>The graph the audio thread is playing. Any thread (a volatile read).</summary>
    public PlaybackGraph? Current => Volatile.Read(ref _current);

    /// <summary>The graph waiting to be taken, if any. Any thread.</summary>
    public PlaybackGraph? Pending => Volatile.Read(ref _pending);

    /// <summary>The newest graph: what the next edit must be built from (its <c>previous</c>). Any thread.</summary>
    public PlaybackGraph? Latest => Pending ?? Current;

    /// <summary>Graphs the audio thread has taken.</summary>
    public long Swaps => Volatile.Read(ref _swaps);

    /// <summary>Publishes a graph for the next block. Control thread (callers serialize publishes).</summary>
    public void Publish(PlaybackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var replaced = Interlocked.Exchange(ref _pending, graph);
        if (replaced is not null) _discarded.Enqueue(replaced);
    }

    /// <summary>
    /// Takes a pending graph, if any, and retires the one it replaces. Returns the graph to play this block.
    /// Audio thread; never allocates (the retire queue holds a struct).
    /// </summary>
    public PlaybackGraph? TakeCurrent(out bool swapped)
    {
        swapped = false;
        if (Volatile.Read(ref _pending) is null) return _current;
        var old = _current;
        // With the retire queue full (butler stalled) keep playing the old graph rather than leak or free it here.
        if (old is not null && !_retired.TryEnqueue(new Retired(old))) return old;
        var next = Interlocked.Exchange(ref _pending, null);
        Volatile.Write(ref _current, next);
        Volatile.Write(ref _swaps, _swaps + 1);
        swapped = true;
        return next;
    }

    /// <summary>Moves graphs that no longer play into <paramref name="into"/>. Butler thread only (the retire queue's consumer).</summary>
    public void CollectRetired(List<PlaybackGraph> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        while (_retired.TryDequeue(out var r)) into.Add(r.Graph);
        while (_discarded.TryDequeue(out var g)) into.Add(g);
    }

    /// <summary>After the device has stopped: the playing and pending graphs, for disposal. Control thread.</summary>
    public void CollectAll(List<PlaybackGraph> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        CollectRetired(into);
        if (Interlocked.Exchange(ref _pending, null) is { } p) into.Add(p);
        if (Interlocked.Exchange(ref _current, null) is { } c) into.Add(c);
    }
}
