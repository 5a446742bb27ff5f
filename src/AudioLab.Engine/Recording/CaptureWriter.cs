using System.Diagnostics;
using AudioLab.Core.Audio;

namespace AudioLab.Engine.Recording;

/// <summary>
/// The disk-writer butler: drains every recording's ring into one new 24-bit WAV file per take (RF64 past 4 GB, by
/// <see cref="WavWriter"/>), applies the audio thread's take boundaries and silence pads in ring order, rewrites each
/// open file's header and fsyncs it every <see cref="FlushInterval"/> (so a crash loses at most that much), and logs
/// every take in the <see cref="CaptureLog"/>. When a recording has finished and everything is on disk it completes
/// <see cref="TrackRecording.Completion"/>. Runs on its own thread; never touches the audio thread's state.
/// </summary>
public sealed class CaptureWriter : IDisposable
{
    private const int ChunkFrames = 8192;

    private readonly CaptureLog _log;
    private readonly List<WriterState> _pending = [];
    private readonly List<WriterState> _working = [];
    private readonly Lock _gate = new();
    private readonly Thread _thread;
    private volatile bool _stopping;
    private Exception? _fault;

    public CaptureWriter(CaptureLog log, TimeSpan? flushInterval = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        FlushInterval = flushInterval ?? TimeSpan.FromMilliseconds(500);
        if (FlushInterval <= TimeSpan.Zero || FlushInterval > TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(flushInterval), "The flush interval must be positive and at most one second.");
        _thread = new Thread(Run) { IsBackground = true, Name = "AudioLab capture writer", Priority = ThreadPriority.AboveNormal };
    }

    public CaptureLog Log => _log;

    /// <summary>How often open takes get their header rewritten and fsync'd.</summary>
    public TimeSpan FlushInterval { get; }

    /// <summary>An unexpected failure of the writer thread itself (file errors are reported per recording instead).</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    public void Start()
    {
        if (!_thread.IsAlive) _thread.Start();
    }

    /// <summary>Starts serving a recording; call before the audio thread sees it. Control thread.</summary>
    public void Register(TrackRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        lock (_gate) _pending.Add(new WriterState(recording, recording.Channels));
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                var stopping = _stopping;
                lock (_gate)
                {
                    _working.AddRange(_pending);
                    _pending.Clear();
                }
                var busy = false;
                for (var i = 0; i < _working.Count; i++)
                {
                    var state = _working[i];
                    busy |= Service(state);
                    if (!state.Done) continue;
                    _working.RemoveAt(i--);
                }
                if (stopping && _working.Count == 0) return;
                if (!busy) Thread.Sleep(stopping ? 1 : 4);
            }
        }
#pragma warning disable CA1031 // the writer thread must never take the process down; the fault is reported through Fault
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _fault, ex);
            foreach (var s in _working) s.Recording.Complete(new RecordingResult(s.Recording.Id, s.Recording.TrackId, s.Takes, s.Recording.LostFrames, ex.Message));
        }
    }

    /// <summary>Returns true when it moved data.</summary>
    private bool Service(WriterState s)
    {
        var r = s.Recording;
        var finished = r.IsFinished; // read first: everything the audio thread wrote before finishing is then visible below
        var available = r.Ring.AvailableToRead / s.Channels;
        var limit = s.Consumed + available;
        var moved = available > 0;
        while (r.Events.TryPeek(out var e) && e.RingFrame <= limit)
        {
            CopyRing(s, e.RingFrame - s.Consumed);
            r.Events.TryDequeue(out _);
            Handle(s, e);
            moved = true;
        }
        CopyRing(s, limit - s.Consumed);
        if (s.Take is not null && s.SinceFlush.Elapsed >= FlushInterval)
            Guard(s, () =>
            {
                s.Take.Flush(toDisk: true);
                s.SinceFlush.Restart();
            });
        if (finished && r.Events.Count == 0 && r.Ring.AvailableToRead == 0)
        {
            if (s.Take is not null) CloseTake(s); // finished without a TakeEnd (only after a fault)
            var error = s.Error ?? (r.EventOverflows > 0 ? $"{r.EventOverflows} capture events were lost; take boundaries may be wrong." : null);
            r.Complete(new RecordingResult(r.Id, r.TrackId, s.Takes, r.LostFrames, error));
            s.Done = true;
        }
        return moved;
    }

    private void Handle(WriterState s, CaptureEvent e)
    {
        switch (e.Kind)
        {
            case CaptureEventKind.TakeStart:
                if (s.Take is not null) CloseTake(s);
                OpenTake(s, e.TimelineFrame);
                break;
            case CaptureEventKind.Silence:
                s.TakeLost += e.Frames;
                if (s.Take is not null) Guard(s, () => s.Take.WriteSilence(e.Frames));
                break;
            case CaptureEventKind.TakeEnd:
                if (s.Take is not null) CloseTake(s);
                break;
        }
    }

    private void OpenTake(WriterState s, long timelineFrame)
    {
        if (s.Error is not null) return;
        var r = s.Recording;
        var id = Guid.NewGuid();
        var path = Path.Combine(_log.Folder, $"take-{id:N}.wav");
        Guard(s, () =>
        {
            s.Take = WavWriter.Create(path, r.Channels, r.SampleRate, SampleFormat.Pcm24);
            s.Take.Flush(toDisk: true); // the empty file exists on disk before the log points at it
            _log.Append(new CaptureLogEntry(CaptureLogEntry.Start, id, r.Id, r.TrackId, Path.GetFileName(path), r.SampleRate, r.Channels,
                timelineFrame, r.Latency.InputFrames, r.Latency.OutputFrames, r.Latency.CalibrationFrames, Time: DateTimeOffset.UtcNow));
        });
        s.TakeId = id;
        s.TakePath = path;
        s.TakeStart = timelineFrame;
        s.TakeLost = 0;
        s.SinceFlush.Restart();
    }

    private void CloseTake(WriterState s)
    {
        var take = s.Take!;
        var r = s.Recording;
        var frames = take.FramesWritten;
        Guard(s, () =>
        {
            take.Flush(toDisk: true);
            take.Dispose();
            _log.Append(new CaptureLogEntry(CaptureLogEntry.End, s.TakeId, r.Id, r.TrackId, LengthFrames: frames, LostFrames: s.TakeLost,
                Time: DateTimeOffset.UtcNow));
        });
        s.Take = null;
        if (frames > 0)
            s.Takes.Add(new RecordedTake(s.TakeId, r.Id, r.TrackId, s.TakePath, r.SampleRate, r.Channels, s.TakeStart, frames, r.Latency, s.TakeLost));
    }

    private void CopyRing(WriterState s, long frames)
    {
        var ring = s.Recording.Ring;
        while (frames > 0)
        {
            var n = (int)Math.Min(frames, ChunkFrames);
            var got = ring.Read(s.Chunk.AsSpan(0, n * s.Channels)) / s.Channels;
            if (got == 0) return;
            if (s.Take is not null && s.Error is null)
            {
                var take = s.Take;
                Guard(s, () => take.Write(s.Chunk.AsSpan(0, got * s.Channels)));
            }
            s.Consumed += got;
            frames -= got;
        }
    }

    /// <summary>A file error stops this recording's writing but not the session: later audio is drained and dropped.</summary>
    private static void Guard(WriterState s, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            s.Error ??= $"Writing the take failed: {ex.Message}";
            try
            {
                s.Take?.Dispose();
            }
            catch (Exception inner) when (inner is IOException or ObjectDisposedException)
            {
                // The file is already broken; the error above is what the caller needs.
            }
            s.Take = null;
        }
    }

    /// <summary>Drains every registered recording (each must be finished by then) and stops the thread. Control thread; blocks.</summary>
    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive) _thread.Join();
    }

    private sealed class WriterState(TrackRecording recording, int channels)
    {
        public TrackRecording Recording { get; } = recording;
        public int Channels { get; } = channels;
        public float[] Chunk { get; } = new float[ChunkFrames * channels];
        public List<RecordedTake> Takes { get; } = [];
        public Stopwatch SinceFlush { get; } = Stopwatch.StartNew();
        public WavWriter? Take { get; set; }
        public Guid TakeId { get; set; }
        public string TakePath { get; set; } = "";
        public long TakeStart { get; set; }
        public long TakeLost { get; set; }
        public long Consumed { get; set; }
        public string? Error { get; set; }
        public bool Done { get; set; }
    }
}
