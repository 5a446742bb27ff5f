using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AudioLab.Engine.Devices;
using AudioLab.Engine.PortAudio.Interop;

namespace AudioLab.Engine.PortAudio;

/// <summary>
/// A PortAudio duplex stream (float32, non-interleaved, callback mode). The native callback is a static
/// <c>[UnmanagedCallersOnly]</c> method that finds this object through a <see cref="GCHandle"/> passed as user data,
/// copies the input into the preallocated <see cref="AudioBlock"/>, calls the engine and copies the output back.
/// Nothing on that path allocates.
/// </summary>
public sealed class PortAudioDevice : IAudioDevice
{
    private readonly Lock _gate = new();
    private readonly int _maxInputChannels;
    private readonly int _maxOutputChannels;
    private IDisposable? _lease;
    private PaStreamHandle? _stream;
    private GCHandle _self;
    private AudioBlock? _block;
    private IAudioCallback? _callback;
    private long _deviceFrame;
    private long _xruns;
    private long _callbacks;
    private long _inputOverflows;
    private long _outputUnderflows;
    private Exception? _fault;
    private volatile bool _running;

    /// <summary>
    /// Describes the device; nothing is opened until <see cref="Start"/>. Channel counts are capped at
    /// <paramref name="maxInputChannels"/>/<paramref name="maxOutputChannels"/> (stereo by default).
    /// </summary>
    public PortAudioDevice(AudioDeviceInfo info, int maxInputChannels = 2, int maxOutputChannels = 2)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!info.Id.StartsWith(PortAudioCatalog.IdPrefix, StringComparison.Ordinal))
            throw new ArgumentException($"'{info.Id}' is not a PortAudio device id.", nameof(info));
        Info = info;
        _maxInputChannels = maxInputChannels;
        _maxOutputChannels = maxOutputChannels;
    }

    public AudioDeviceInfo Info { get; }

    public bool IsRunning => _running;

    public long XrunCount => Interlocked.Read(ref _xruns);

    public long CallbackCount => Interlocked.Read(ref _callbacks);

    /// <summary>Frames processed since <see cref="Start"/> (the device clock the engine anchors takes to).</summary>
    public long DeviceFrame => Interlocked.Read(ref _deviceFrame);

    /// <summary>Callbacks flagged with input overflow (input lost) or underflow.</summary>
    public long InputXruns => Interlocked.Read(ref _inputOverflows);

    /// <summary>Callbacks flagged with output underflow (a gap was played) or overflow.</summary>
    public long OutputXruns => Interlocked.Read(ref _outputUnderflows);

    /// <summary>The exception the engine callback threw; the stream was aborted.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    public (int Input, int Output) StreamLatencyFrames { get; private set; }

    /// <summary>Input and output channels of the running stream.</summary>
    public (int Input, int Output) StreamChannels { get; private set; }

    /// <summary>
    /// Opens and starts the duplex stream. Control thread; blocks while PortAudio opens the device. Throws
    /// <see cref="AudioBackendUnavailableException"/> when the library, the device or the format is unavailable.
    /// </summary>
    public unsafe void Start(int sampleRate, int bufferFrames, IAudioCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferFrames, 1);
        lock (_gate)
        {
            if (_stream is not null) throw new InvalidOperationException("The PortAudio device is already running.");
            _lease = PortAudioLibrary.Acquire();
            try
            {
                var entry = PortAudioCatalog.Enumerate().FirstOrDefault(e => e.Info.Id == Info.Id)
                    ?? throw new AudioBackendUnavailableException($"The PortAudio device '{Info.Id}' ({Info.Name}) is no longer present.");
                var inputs = Math.Min(entry.Info.InputChannels, _maxInputChannels);
                var outputs = Math.Min(entry.Info.OutputChannels, _maxOutputChannels);
                if (outputs < 1) throw new AudioBackendUnavailableException($"The PortAudio device '{Info.Id}' has no outputs.");
                var inParams = new PaStreamParameters
                {
                    Device = entry.Index, ChannelCount = inputs,
                    SampleFormat = new CULong((nuint)(PortAudioNative.PaFloat32 | PortAudioNative.PaNonInterleaved)),
                    SuggestedLatency = entry.LowInputLatency,
                };
                var outParams = inParams with { ChannelCount = outputs, SuggestedLatency = entry.LowOutputLatency };

                _block = new AudioBlock(inputs, outputs, bufferFrames) { Frames = bufferFrames };
                _callback = callback;
                _deviceFrame = 0;
                _xruns = _callbacks = _inputOverflows = _outputUnderflows = 0;
                _fault = null;
                _self = GCHandle.Alloc(this);
                var error = PortAudioNative.Pa_OpenStream(out var stream, inputs > 0 ? &inParams : null, &outParams, sampleRate,
                    new CULong((nuint)bufferFrames), new CULong((nuint)PortAudioNative.PaClipOff), &StreamCallback, (void*)GCHandle.ToIntPtr(_self));
                if (error != PortAudioNative.PaNoError)
                    throw new AudioBackendUnavailableException(
                        $"PortAudio could not open '{Info.Name}' ({Info.HostApi}) at {sampleRate} Hz, {bufferFrames} frames, {inputs} in / {outputs} out: {PortAudioNative.ErrorText(error)} ({error}).");
                _stream = new PaStreamHandle(stream);
                var streamInfo = PortAudioNative.Pa_GetStreamInfo(_stream);
                if (streamInfo is not null)
                {
                    var rate = streamInfo->SampleRate;
                    StreamLatencyFrames = ((int)Math.Round(streamInfo->InputLatency * rate), (int)Math.Round(streamInfo->OutputLatency * rate));
                }
                StreamChannels = (inputs, outputs);
                _running = true;
                error = PortAudioNative.Pa_StartStream(_stream);
                if (error != PortAudioNative.PaNoError)
                    throw new AudioBackendUnavailableException($"PortAudio could not start '{Info.Name}': {PortAudioNative.ErrorText(error)} ({error}).");
            }
            catch
            {
                Release();
                throw;
            }
        }
    }

    /// <summary>Stops the stream (PortAudio returns after the last callback has finished) and closes it. Control thread.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_stream is not null && !_stream.IsClosed) PortAudioNative.Pa_StopStream(_stream);
            Release();
        }
    }

    public void Dispose() => Stop();

    private void Release()
    {
        _running = false;
        _stream?.Dispose();
        _stream = null;
        if (_self.IsAllocated) _self.Free();
        _lease?.Dispose();
        _lease = null;
        _callback = null;
        _block = null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe int StreamCallback(void* input, void* output, CULong frameCount, PaStreamCallbackTimeInfo* timeInfo, CULong statusFlags, void* userData)
    {
        // A cast of the handle's target, no allocation; an exception must not unwind into native code.
        if (GCHandle.FromIntPtr((IntPtr)userData).Target is not PortAudioDevice device) return PortAudioNative.PaAbort;
        return device.OnCallback((float**)input, (float**)output, (int)frameCount.Value, statusFlags.Value);
    }

    /// <summary>Audio thread (PortAudio's); never allocates, locks or blocks.</summary>
    private unsafe int OnCallback(float** input, float** output, int frameCount, nuint statusFlags)
    {
        try
        {
            var block = _block;
            var callback = _callback;
            if (block is null || callback is null) return PortAudioNative.PaAbort;
            var flags = (ulong)statusFlags;
            var xrun = (flags & (PortAudioNative.PaInputUnderflow | PortAudioNative.PaInputOverflow | PortAudioNative.PaOutputUnderflow | PortAudioNative.PaOutputOverflow)) != 0;
            if (xrun)
            {
                Interlocked.Increment(ref _xruns);
                if ((flags & (PortAudioNative.PaInputUnderflow | PortAudioNative.PaInputOverflow)) != 0) Interlocked.Increment(ref _inputOverflows);
                if ((flags & (PortAudioNative.PaOutputUnderflow | PortAudioNative.PaOutputOverflow)) != 0) Interlocked.Increment(ref _outputUnderflows);
            }
            // PortAudio may hand over more frames than asked when the buffer size is left to the host; run the engine in
            // block-sized slices so the preallocated block always fits.
            var inputs = block.Inputs;
            var outputs = block.Outputs;
            for (var offset = 0; offset < frameCount; offset += block.MaxFrames)
            {
                var frames = Math.Min(block.MaxFrames, frameCount - offset);
                for (var c = 0; c < inputs.Length; c++)
                {
                    if (input is null) inputs[c].AsSpan(0, frames).Clear();
                    else new ReadOnlySpan<float>(input[c] + offset, frames).CopyTo(inputs[c]);
                }
                for (var c = 0; c < outputs.Length; c++) outputs[c].AsSpan(0, frames).Clear();
                block.Frames = frames;
                block.DeviceFrame = _deviceFrame;
                block.Xrun = xrun && offset == 0;
                callback.Process(block);
                for (var c = 0; c < outputs.Length; c++) outputs[c].AsSpan(0, frames).CopyTo(new Span<float>(output[c] + offset, frames));
                Volatile.Write(ref _deviceFrame, _deviceFrame + frames);
            }
            Interlocked.Increment(ref _callbacks);
            return PortAudioNative.PaContinue;
        }
#pragma warning disable CA1031 // nothing may unwind into PortAudio; the fault is reported and the stream aborted
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _fault, ex);
            _running = false;
            return PortAudioNative.PaAbort;
        }
    }
}
