using AudioLab.Engine.Devices;
using AudioLab.Engine.Graph;
using AudioLab.Engine.Metering;
using AudioLab.Engine.Model;
using AudioLab.Engine.Monitoring;
using AudioLab.Engine.Realtime;
using AudioLab.Engine.Recording;

namespace AudioLab.Engine.Session;

/// <summary>
/// One open project playing on one device. Threads:
/// <list type="bullet">
/// <item>the <b>audio thread</b> (the device callback, <see cref="Process"/>) drains the command queue, takes a newly
/// published graph, splits the block at transport events and runs the graph per segment, hands input to the
/// <see cref="Recorder"/>, mixes monitored inputs, meters, and publishes snapshots; it never allocates, locks, waits or
/// does I/O;</item>
/// <item><b>control threads</b> (HTTP requests) call the facade methods below, which validate, allocate what the audio
/// thread will need, and send a command through a bounded lock-free queue (a full queue throws
/// <see cref="EngineQueueFullException"/>, it never blocks); edits build a new graph and publish it with one swap;</item>
/// <item>the <see cref="SessionButler"/> keeps clip rings filled and disposes retired graphs; the
/// <see cref="CaptureWriter"/> writes takes to disk.</item>
/// </list>
/// Concerns live in their own classes (transport, graph exchange, timeline history, recorder, monitor, meters); this
/// class wires them together in the order of one device period.
/// </summary>
public sealed class EngineSession : IAudioCallback, IDisposable
{
    private readonly IAudioDevice _device;
    private readonly EngineSessionOptions _options;
    private readonly GraphBuilder _builder;
    private readonly GraphBuildOptions _buildOptions;
    private readonly SpscQueue<EngineCommand> _commands;
    private readonly Lock _controlGate = new();
    private readonly GraphExchange _graphs = new();
    private readonly SessionButler _butler;
    private readonly SessionTransport _transport;
    private readonly TimelineHistory _history = new();
    private readonly Recorder _recorder = new();
    private readonly InputMonitor _monitor = new();
    private readonly Meters _meters;
    private readonly CaptureLog _log;
    private readonly CaptureWriter _writer;
    private readonly SeqLock<TransportSnapshot> _snapshot = new();
    private readonly Dictionary<Guid, TrackRecording> _recordings = [];
    private readonly Dictionary<Guid, TrackInput> _inputs = [];
    private long _expectedDeviceFrame = -1;
    private long _xruns;
    private long _lostFrames;
    private long _commandsRejected;
    private bool _started;
    private bool _disposed;

    /// <summary>Prepares every part; nothing runs until <see cref="Start"/>. Control thread.</summary>
    public EngineSession(IAudioDevice device, EngineSessionOptions options, GraphBuilder? builder = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BufferFrames, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SampleRate, 8000);
        _device = device;
        _options = options;
        _builder = builder ?? new GraphBuilder();
        _buildOptions = new GraphBuildOptions { MaxBlockFrames = options.BufferFrames, StreamBufferFrames = Math.Max(options.StreamBufferFrames, 4 * options.BufferFrames) };
        _commands = new SpscQueue<EngineCommand>(options.CommandQueueCapacity);
        _butler = new SessionButler(_graphs);
        _transport = new SessionTransport(options.StartTimeout);
        _meters = new Meters(options.SampleRate, device.Info.InputChannels, options.MaxTracks, options.Meters);
        _log = new CaptureLog(options.CaptureDirectory);
        _writer = new CaptureWriter(_log, options.FlushInterval);
    }

    public IAudioDevice Device => _device;

    public EngineSessionOptions Options => _options;

    public int SampleRate => _options.SampleRate;

    public CaptureLog CaptureLog => _log;

    /// <summary>The graph the audio thread plays now (tests and diagnostics).</summary>
    public PlaybackGraph? CurrentGraph => _graphs.Current;

    /// <summary>Commands refused by the audio thread because a fixed table was full (inputs, recordings).</summary>
    public long CommandsRejected => Volatile.Read(ref _commandsRejected);

    /// <summary>The latency terms a recording started now would be placed with.</summary>
    public LatencyTerms Latency
    {
        get
        {
            var (input, output) = _device.StreamLatencyFrames;
            return new LatencyTerms(input, output, _options.CalibrationFrames);
        }
    }

    /// <summary>Why a helper thread stopped, if one did.</summary>
    public Exception? Fault => _butler.Fault ?? _writer.Fault;

    /// <summary>Builds the first graph, starts the butler and writer threads, then the device. Control thread; blocks briefly.</summary>
    public void Start(ProjectModel project)
    {
        ArgumentNullException.ThrowIfNull(project);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_controlGate)
        {
            if (_started) throw new InvalidOperationException("The session is already started.");
            CheckRate(project);
            _graphs.Publish(_builder.Build(project, _buildOptions));
            _butler.Start();
            _writer.Start();
            _device.Start(_options.SampleRate, _options.BufferFrames, this);
            _started = true;
        }
    }

    // ---- control-thread facade -------------------------------------------------------------------------------

    /// <summary>Starts playback from <paramref name="frame"/> (after the butler has filled the rings). Control thread; never blocks.</summary>
    public void Play(long frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        Send(new EngineCommand(EngineCommandKind.Play, Frame: frame));
    }

    /// <summary>Stops in place. Recordings stay open (they take nothing while stopped). Control thread; never blocks.</summary>
    public void Stop() => Send(new EngineCommand(EngineCommandKind.Stop));

    /// <summary>Moves the playhead; playback continues from there. Control thread; never blocks.</summary>
    public void Seek(long frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        Send(new EngineCommand(EngineCommandKind.Seek, Frame: frame));
    }

    /// <summary>Sets the loop region [start, end) (the API validates it against the project first). Control thread; never blocks.</summary>
    public void SetLoop(long startFrame, long endFrame, bool enabled, int? repeatCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startFrame);
        if (enabled && endFrame <= startFrame) throw new ArgumentException("The loop end must be after its start.", nameof(endFrame));
        if (repeatCount is < 1) throw new ArgumentOutOfRangeException(nameof(repeatCount), "A loop plays at least one pass.");
        Send(new EngineCommand(EngineCommandKind.SetLoop, Frame: startFrame, EndFrame: endFrame, Count: repeatCount ?? -1, Flag: enabled));
    }

    /// <summary>Sets (or replaces) a track's input assignment, arming and monitoring. Control thread; never blocks.</summary>
    public void SetTrackInput(TrackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Validate(_device.Info.InputChannels) is { } error) throw new ArgumentException(error, nameof(input));
        lock (_controlGate)
        {
            Send(new EngineCommand(EngineCommandKind.SetTrackInput, TrackId: input.TrackId, Payload: input));
            _inputs[input.TrackId] = input;
        }
    }

    /// <summary>Arms a track on the given inputs with the given monitoring. Control thread; never blocks.</summary>
    public void ArmTrack(Guid trackId, IReadOnlyList<int> inputChannels, MonitorMode mode = MonitorMode.Auto, float monitorLevel = TrackInput.DefaultMonitorLevel) =>
        SetTrackInput(new TrackInput(trackId, [.. inputChannels], Armed: true, mode, monitorLevel));

    /// <summary>Disarms a track (its input stays assigned, so monitor mode <c>on</c> keeps monitoring). Control thread; never blocks.</summary>
    public void DisarmTrack(Guid trackId)
    {
        lock (_controlGate)
        {
            if (!_inputs.TryGetValue(trackId, out var input)) return;
            SetTrackInput(input with { Armed = false });
        }
    }

    /// <summary>Forgets a track's input entirely (no monitoring). Control thread; never blocks.</summary>
    public void RemoveTrackInput(Guid trackId)
    {
        lock (_controlGate)
        {
            Send(new EngineCommand(EngineCommandKind.RemoveTrackInput, TrackId: trackId));
            _inputs.Remove(trackId);
        }
    }

    /// <summary>
    /// Starts recording <paramref name="inputChannels"/> onto a track from the next block on (takes are made while the
    /// transport rolls). Throws <see cref="SessionConflictException"/> when the track is already recording.
    /// Control thread; allocates the ring, never blocks.
    /// </summary>
    public TrackRecording StartRecording(Guid trackId, IReadOnlyList<int> inputChannels)
    {
        ArgumentNullException.ThrowIfNull(inputChannels);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_started) throw new InvalidOperationException("The session is not started.");
        var check = new TrackInput(trackId, [.. inputChannels], true, MonitorMode.Off).Validate(_device.Info.InputChannels);
        if (check is not null) throw new ArgumentException(check, nameof(inputChannels));
        lock (_controlGate)
        {
            if (_recordings.ContainsKey(trackId)) throw new SessionConflictException($"Track {trackId} is already recording.");
            var recording = new TrackRecording(trackId, inputChannels, _options.SampleRate, Latency,
                (int)Math.Ceiling(_options.RecordRingSeconds * _options.SampleRate), _options.BufferFrames);
            _writer.Register(recording);
            if (!_commands.TryEnqueue(new EngineCommand(EngineCommandKind.StartRecording, TrackId: trackId, Payload: recording)))
            {
                recording.MarkFinished(); // the writer completes it empty
                throw new EngineQueueFullException();
            }
            _recordings[trackId] = recording;
            return recording;
        }
    }

    /// <summary>
    /// Stops the track's recording at the current block; input keeps arriving for one round trip and is still taken, then
    /// the writer closes the files. The task completes with the takes once they are on disk (the device must be running).
    /// Throws <see cref="SessionConflictException"/> when the track is not recording. Control thread; never blocks.
    /// </summary>
    public Task<RecordingResult> StopRecording(Guid trackId)
    {
        lock (_controlGate)
        {
            if (!_recordings.TryGetValue(trackId, out var recording)) throw new SessionConflictException($"Track {trackId} is not recording.");
            Send(new EngineCommand(EngineCommandKind.StopRecording, TrackId: trackId, Payload: recording));
            _recordings.Remove(trackId);
            return recording.Completion;
        }
    }

    /// <summary>Whether the track has a recording that was started and not yet stopped. Control thread.</summary>
    public bool IsRecording(Guid trackId)
    {
        lock (_controlGate) return _recordings.ContainsKey(trackId);
    }

    /// <summary>Clears every meter's peak hold and clip latch. Control thread; never blocks.</summary>
    public void ResetMeters() => Send(new EngineCommand(EngineCommandKind.ResetMeters));

    /// <summary>
    /// Builds a graph of the edited project (adopting the running one's state) and publishes it; the audio thread plays it
    /// from its next block. Throws (and changes nothing) when the project cannot be built. Control thread; does I/O.
    /// </summary>
    public void UpdateGraph(ProjectModel project)
    {
        ArgumentNullException.ThrowIfNull(project);
        lock (_controlGate)
        {
            CheckRate(project);
            var previous = _graphs.Latest;
            var graph = _builder.Build(project, _buildOptions, previous);
            // Rings new to this graph start at the playhead, so a moved clip is refilled where it will be read. Adopted
            // rings are left alone: the audio thread is reading them.
            var old = previous?.Streams.ToHashSet() ?? [];
            var playhead = _snapshot.Read().PositionFrame;
            foreach (var track in graph.Tracks)
                foreach (var clip in track.Clips)
                    if (!old.Contains(clip.Stream)) clip.Stream.Locate(Math.Clamp(playhead - clip.StartFrame, 0, clip.Clip.LengthFrames));
            _graphs.Publish(graph);
        }
    }

    /// <summary>Transport state after the last block. Any thread; never allocates.</summary>
    public TransportSnapshot ReadTransport() => _snapshot.Read();

    /// <summary>Transport, meters and recordings. Control thread; allocates.</summary>
    public EngineSnapshot ReadSnapshot()
    {
        var meters = _meters.CreateSnapshot();
        _meters.Read(meters);
        List<RecordingStatus> recordings;
        lock (_controlGate)
            recordings = [.. _recordings.Values.Select(r => new RecordingStatus(r.Id, r.TrackId, r.InputChannels, r.FramesCaptured, r.LostFrames, r.IsFinished))];
        return new EngineSnapshot(_snapshot.Read(), meters, recordings, _options.SampleRate);
    }

    /// <summary>Copies the newest meters into <paramref name="target"/> (from <see cref="CreateMeterSnapshot"/>). Control thread; never allocates.</summary>
    public void ReadMeters(MeterSnapshot target) => _meters.Read(target);

    public MeterSnapshot CreateMeterSnapshot() => _meters.CreateSnapshot();

    private void Send(in EngineCommand command)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_controlGate)
        {
            if (!_commands.TryEnqueue(command)) throw new EngineQueueFullException();
        }
    }

    private void CheckRate(ProjectModel project)
    {
        if (project.SampleRate != _options.SampleRate)
            throw new ArgumentException($"The project runs at {project.SampleRate} Hz but the session at {_options.SampleRate} Hz.", nameof(project));
    }

    // ---- audio thread --------------------------------------------------------------------------------------------

    /// <summary>One device period. Audio thread; never allocates, locks, waits or does I/O.</summary>
    public void Process(AudioBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var frames = block.Frames;
        var deviceFrame = block.DeviceFrame;
        if (_expectedDeviceFrame >= 0 && deviceFrame > _expectedDeviceFrame) SkipLostFrames(_expectedDeviceFrame, deviceFrame - _expectedDeviceFrame);
        else if (block.Xrun) _xruns++;
        _expectedDeviceFrame = deviceFrame + frames;

        var graph = _graphs.TakeCurrent(out var swapped);
        if (swapped) _meters.UseGraph(graph);
        DrainCommands(deviceFrame, graph);

        var outputs = block.Outputs;
        var left = outputs[0];
        var right = outputs.Length > 1 ? outputs[1] : outputs[0]; // a mono device hears left + right

        if (_transport.Update(graph, deviceFrame) == TransportState.Rolling && graph is not null)
        {
            RunSegments(graph, deviceFrame, frames, left, right);
        }
        else
        {
            _history.Append(deviceFrame, frames, 0, rolling: false);
            _meters.SilenceTracks(frames);
        }

        _recorder.Process(block.Inputs, deviceFrame, frames, _history);
        _monitor.Process(block.Inputs, left, right, frames);

        _meters.MeasureInputs(block.Inputs, frames);
        _meters.MeasureMaster(left.AsSpan(0, frames), right.AsSpan(0, frames));
        _meters.Publish(deviceFrame + frames);
        _snapshot.Write(new TransportSnapshot(_transport.Playhead, _transport.State, deviceFrame + frames, _transport.RollStartDeviceFrame,
            _transport.LoopCount, _xruns, _lostFrames, _recorder.ActiveCount, _graphs.Swaps));
    }

    private void RunSegments(PlaybackGraph graph, long deviceFrame, int frames, float[] left, float[] right)
    {
        var offset = 0;
        while (offset < frames)
        {
            var segments = _transport.Split(offset, Math.Min(frames - offset, graph.MaxBlockFrames), out var covered);
            foreach (var s in segments)
            {
                if (s.Has(Transport.SegmentFlags.CountIn))
                {
                    _history.Append(deviceFrame + s.Offset, s.Frames, 0, rolling: false);
                    _meters.SilenceTracks(s.Frames);
                    continue;
                }
                graph.RenderTracks(s.TimelineStart, s.Frames);
                _meters.MeasureTracks(graph);
                graph.MixTracks(s.Frames, left.AsSpan(s.Offset, s.Frames), right.AsSpan(s.Offset, s.Frames));
                _history.Append(deviceFrame + s.Offset, s.Frames, s.TimelineStart, rolling: true);
            }
            if (covered <= 0) break;
            offset += covered;
        }
    }

    /// <summary>
    /// An xrun skipped device frames. The timeline moves on over them like the device clock did (the listener heard a
    /// gap), and recordings get silence there, so everything after the gap keeps its alignment. Audio thread; never allocates.
    /// </summary>
    private void SkipLostFrames(long start, long frames)
    {
        _xruns++;
        _lostFrames += frames;
        if (_transport.State == TransportState.Rolling)
        {
            long done = 0;
            while (done < frames)
            {
                var segments = _transport.Split(0, (int)Math.Min(frames - done, 1 << 20), out var covered);
                foreach (var s in segments)
                    _history.Append(start + done + s.Offset, s.Frames, s.TimelineStart, rolling: !s.Has(Transport.SegmentFlags.CountIn));
                if (covered <= 0) break;
                done += covered;
            }
        }
        else
        {
            _history.Append(start, frames, 0, rolling: false);
        }
        long fed = 0;
        while (fed < frames)
        {
            var n = (int)Math.Min(frames - fed, 1 << 20);
            _recorder.Process(null, start + fed, n, _history);
            fed += n;
        }
    }

    private void DrainCommands(long deviceFrame, PlaybackGraph? graph)
    {
        while (_commands.TryDequeue(out var c))
        {
            switch (c.Kind)
            {
                case EngineCommandKind.Play:
                    _transport.Play(c.Frame, graph);
                    break;
                case EngineCommandKind.Stop:
                    _transport.Stop();
                    break;
                case EngineCommandKind.Seek:
                    _transport.Seek(c.Frame, graph);
                    break;
                case EngineCommandKind.SetLoop:
                    _transport.SetLoop(c.Frame, c.EndFrame, c.Flag, c.Count < 0 ? null : c.Count);
                    break;
                case EngineCommandKind.SetTrackInput:
                    if (!_monitor.Set((TrackInput)c.Payload!)) Volatile.Write(ref _commandsRejected, _commandsRejected + 1);
                    break;
                case EngineCommandKind.RemoveTrackInput:
                    _monitor.Remove(c.TrackId);
                    break;
                case EngineCommandKind.StartRecording:
                    var recording = (TrackRecording)c.Payload!;
                    if (!_recorder.Add(recording, deviceFrame))
                    {
                        recording.MarkFinished();
                        Volatile.Write(ref _commandsRejected, _commandsRejected + 1);
                    }
                    break;
                case EngineCommandKind.StopRecording:
                    Recorder.RequestStop((TrackRecording)c.Payload!, deviceFrame);
                    break;
                case EngineCommandKind.ResetMeters:
                    _meters.Reset();
                    break;
            }
        }
    }

    // ---- shutdown ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Stops the device, closes every recording at the last frame taken (nothing recorded is lost), waits for the writer
    /// and the butler, and releases the graphs. Control thread; blocks.
    /// </summary>
    public void Dispose()
    {
        lock (_controlGate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _device.Stop();
        // The audio thread is gone: this thread is now the only producer and consumer of its queues.
        while (_commands.TryDequeue(out var c))
            if (c.Kind == EngineCommandKind.StartRecording) ((TrackRecording)c.Payload!).MarkFinished();
        _recorder.FinishAll();
        _writer.Dispose();
        _butler.Dispose();
        var graphs = new List<PlaybackGraph>();
        _graphs.CollectAll(graphs);
        foreach (var g in graphs) g.Dispose();
    }
}
