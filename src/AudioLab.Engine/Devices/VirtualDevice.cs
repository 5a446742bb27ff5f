using System.Diagnostics;

namespace AudioLab.Engine.Devices;

/// <summary>
/// The default device: a clock thread that drives the engine at the real block rate (or freewheels, or runs on demand
/// in tests) with a configurable input (silence, sine, WAV file, loopback of its own output) and optional capture of its
/// output to a WAV file. Everything the clock thread does per period is allocation-free.
/// </summary>
public sealed class VirtualDevice : IAudioDevice
{
    /// <summary>Id of the virtual device built from configuration.</summary>
    public const string DefaultId = "virtual";

    private const string HostApiName = "Virtual";

    private readonly VirtualDeviceOptions _options;
    private readonly object _gate = new();
    private AudioBlock? _block;
    private IAudioCallback? _callback;
    private LoopbackDelayLine? _loopback;
    private SineInput? _sine;
    private WavFileInput? _file;
    private OutputCapture? _capture;
    private Thread? _thread;
    private volatile bool _running;
    private int _sampleRate;
    private long _deviceFrame;
    private long _xruns;
    private long _callbacks;
    private long _droppedFrames;
    private Exception? _fault;

    public VirtualDevice(VirtualDeviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.LatencyFrames);
        ArgumentOutOfRangeException.ThrowIfNegative(options.InputChannels);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OutputChannels, 1);
        if (options.Input == VirtualInputKind.File && string.IsNullOrWhiteSpace(options.InputFile))
            throw new ArgumentException("The virtual device's input is a file but no InputFile was given.", nameof(options));
        _options = options;
        var (input, output) = LatencySplit(options);
        Info = new AudioDeviceInfo(options.Id, DescribeName(options), HostApiName, options.InputChannels, options.OutputChannels,
            options.DefaultSampleRate, input, output);
    }

    public AudioDeviceInfo Info { get; }

    public VirtualDeviceOptions Options => _options;

    public bool IsRunning => _running;

    public long XrunCount => Interlocked.Read(ref _xruns);

    public long CallbackCount => Interlocked.Read(ref _callbacks);

    /// <summary>Frames the device has played so far, including frames lost to xruns (the device's clock).</summary>
    public long DeviceFrame => Interlocked.Read(ref _deviceFrame);

    /// <summary>Frames dropped because the clock thread was late by a whole period or more.</summary>
    public long DroppedFrames => Interlocked.Read(ref _droppedFrames);

    /// <summary>Input periods the file reader could not fill in time (file input, real-time clock).</summary>
    public long InputUnderruns => _file?.Underruns ?? 0;

    /// <summary>Frames missing from the output capture because its writer fell behind (real-time clock).</summary>
    public long CaptureOverruns => _capture?.Overruns ?? 0;

    /// <summary>The exception the engine callback threw on the clock thread, which stopped the clock.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    public (int Input, int Output) StreamLatencyFrames { get; private set; }

    /// <summary>
    /// Allocates the block, opens the input file and output capture, and (unless the clock is manual) starts the
    /// clock thread at the highest priority the process may use. Control thread; does I/O.
    /// </summary>
    public void Start(int sampleRate, int bufferFrames, IAudioCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferFrames, 1);
        lock (_gate)
        {
            if (_running || _block is not null) throw new InvalidOperationException("The virtual device is already running.");
            if (_options.Input == VirtualInputKind.Loopback && _options.LatencyFrames < bufferFrames)
                throw new ArgumentException(
                    $"Loopback latency {_options.LatencyFrames} frames is shorter than the {bufferFrames}-frame buffer; a period's input exists before its output is computed, so the latency must be at least the buffer size.",
                    nameof(bufferFrames));
            var ringFrames = Math.Max(sampleRate, bufferFrames * 8); // about a second of slack for the helper threads
            try
            {
                switch (_options.Input)
                {
                    case VirtualInputKind.Loopback:
                        _loopback = new LoopbackDelayLine(_options.OutputChannels, _options.LatencyFrames, bufferFrames);
                        break;
                    case VirtualInputKind.Sine:
                        _sine = new SineInput(_options.SineHz, _options.SineLevel, sampleRate);
                        break;
                    case VirtualInputKind.File:
                        _file = new WavFileInput(_options.InputFile!, _options.LoopInputFile, sampleRate, bufferFrames, ringFrames);
                        _file.Start();
                        break;
                }
                if (_options.OutputPath is { Length: > 0 } path)
                    _capture = new OutputCapture(path, _options.OutputChannels, sampleRate, bufferFrames, ringFrames);
            }
            catch
            {
                ReleaseHelpers();
                throw;
            }
            _block = new AudioBlock(_options.InputChannels, _options.OutputChannels, bufferFrames) { Frames = bufferFrames };
            _callback = callback;
            _sampleRate = sampleRate;
            _deviceFrame = 0;
            _callbacks = 0;
            _xruns = 0;
            _droppedFrames = 0;
            _fault = null;
            StreamLatencyFrames = LatencySplit(_options);
            _running = true;
            if (_options.Clock != VirtualClockMode.Manual)
            {
                _thread = new Thread(ClockLoop) { IsBackground = true, Name = "AudioLab virtual clock", Priority = ThreadPriority.Highest };
                _thread.Start();
            }
        }
    }

    /// <summary>
    /// Manual clock only: runs <paramref name="count"/> periods synchronously on the calling thread, which acts as the
    /// audio thread for their duration. Never allocates.
    /// </summary>
    public void RunBlocks(int count)
    {
        if (_options.Clock != VirtualClockMode.Manual) throw new InvalidOperationException("RunBlocks needs the manual clock.");
        if (!_running) throw new InvalidOperationException("The virtual device is not started.");
        for (var i = 0; i < count; i++) ProcessPeriod(xrun: false);
    }

    /// <summary>Stops the clock, then finishes the output capture file. Control thread; blocks until the file is written.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _running = false;
            if (_thread is not null && _thread != Thread.CurrentThread) _thread.Join();
            _thread = null;
            ReleaseHelpers();
            _block = null;
            _callback = null;
        }
    }

    public void Dispose() => Stop();

    private void ReleaseHelpers()
    {
        _file?.Dispose();
        _capture?.Dispose();
        _file = null;
        _capture = null;
        _loopback = null;
        _sine = null;
    }

    private void ClockLoop()
    {
        try
        {
            if (_options.Clock == VirtualClockMode.Freewheel)
            {
                while (_running) ProcessPeriod(xrun: false);
                return;
            }
            RealTimeLoop();
        }
#pragma warning disable CA1031 // an engine fault must stop this clock, not the process; it is reported through Fault
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _fault, ex);
            _running = false;
        }
    }

    /// <summary>
    /// Deadlines come from one Stopwatch origin and the device frame (never from "now + period"), so waiting errors do
    /// not accumulate. The period covering frames [f, f + n) is due when frame f + n has elapsed, as with a real
    /// interface that hands over a full input buffer. A period that starts a whole period late is lost: its frames are
    /// skipped (silence out, input dropped) and the next block carries the xrun flag.
    /// </summary>
    private void RealTimeLoop()
    {
        var frames = _block!.MaxFrames;
        var origin = Stopwatch.GetTimestamp();
        var ticksPerPeriod = TicksFor(frames);
        var sleepMargin = Stopwatch.Frequency / 1000 * 3 / 2; // Thread.Sleep(1) may take ~1.1 ms; spin the rest
        while (_running)
        {
            var due = origin + TicksFor(_deviceFrame + frames);
            var now = Stopwatch.GetTimestamp();
            while (now < due)
            {
                if (due - now > sleepMargin) Thread.Sleep(1);
                else Thread.Yield();
                now = Stopwatch.GetTimestamp();
            }
            var late = now - due;
            var xrun = false;
            if (late >= ticksPerPeriod)
            {
                var lost = late / ticksPerPeriod * frames;
                SkipFrames(lost);
                xrun = true;
            }
            ProcessPeriod(xrun);
        }
    }

    private long TicksFor(long frames) => (long)((Int128)frames * Stopwatch.Frequency / _sampleRate);

    /// <summary>Clock thread; never allocates.</summary>
    private void SkipFrames(long frames)
    {
        _loopback?.CaptureSilence(_deviceFrame, frames);
        _file?.Skip(frames);
        _capture?.WriteSilence(frames, mayWait: false);
        Interlocked.Add(ref _droppedFrames, frames);
        Interlocked.Increment(ref _xruns);
        Interlocked.Add(ref _deviceFrame, frames);
    }

    /// <summary>Audio thread (clock thread or the RunBlocks caller); never allocates.</summary>
    private void ProcessPeriod(bool xrun)
    {
        var block = _block!;
        var frames = block.MaxFrames;
        var deviceFrame = _deviceFrame;
        var mayWait = _options.Clock != VirtualClockMode.RealTime;
        block.Frames = frames;
        block.DeviceFrame = deviceFrame;
        block.Xrun = xrun;
        var inputs = block.Inputs;
        if (_loopback is not null) _loopback.Fill(inputs, frames, deviceFrame);
        else if (_sine is not null) _sine.Fill(inputs, frames, deviceFrame);
        else if (_file is not null) _file.Fill(inputs, frames, mayWait);
        else foreach (var input in inputs) Array.Clear(input, 0, frames);
        foreach (var output in block.Outputs) Array.Clear(output, 0, frames);

        _callback!.Process(block);

        _loopback?.Capture(block.Outputs, frames, deviceFrame);
        _capture?.Write(block.Outputs, frames, mayWait);
        Interlocked.Increment(ref _callbacks);
        Volatile.Write(ref _deviceFrame, deviceFrame + frames);
    }

    /// <summary>
    /// In loopback the reported input and output latencies add up to exactly the simulated round trip, so latency
    /// compensation lands takes with zero error; the split between them is arbitrary (half each). Other inputs are
    /// sample-aligned with the device frame, so they report no latency.
    /// </summary>
    private static (int Input, int Output) LatencySplit(VirtualDeviceOptions options) =>
        options.Input == VirtualInputKind.Loopback ? (options.LatencyFrames / 2, options.LatencyFrames - options.LatencyFrames / 2) : (0, 0);

    private static string DescribeName(VirtualDeviceOptions options) => options.Input switch
    {
        VirtualInputKind.Loopback => $"Virtual device (loopback, {options.LatencyFrames} frames)",
        VirtualInputKind.Sine => $"Virtual device (sine {options.SineHz} Hz)",
        VirtualInputKind.File => $"Virtual device (file {Path.GetFileName(options.InputFile)})",
        _ => "Virtual device (silent input)",
    };
}
