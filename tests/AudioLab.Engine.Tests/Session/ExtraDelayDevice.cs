using AudioLab.Engine.Devices;

namespace AudioLab.Engine.Tests.Session;

/// <summary>
/// Wraps a device and delays its input by a fixed number of frames more than it reports, like hardware whose reported
/// latency is wrong (what calibration corrects).
/// </summary>
internal sealed class ExtraDelayDevice(IAudioDevice inner, int extraFrames) : IAudioDevice, IAudioCallback
{
    private IAudioCallback? _callback;
    private float[][] _history = [];
    private long _written;

    public AudioDeviceInfo Info => inner.Info;
    public bool IsRunning => inner.IsRunning;
    public long XrunCount => inner.XrunCount;
    public long CallbackCount => inner.CallbackCount;
    public (int Input, int Output) StreamLatencyFrames => inner.StreamLatencyFrames;

    public void Start(int sampleRate, int bufferFrames, IAudioCallback callback)
    {
        _callback = callback;
        _history = [.. Enumerable.Range(0, inner.Info.InputChannels).Select(_ => new float[1 << 16])];
        inner.Start(sampleRate, bufferFrames, this);
    }

    public void Process(AudioBlock block)
    {
        for (var c = 0; c < block.Inputs.Length; c++)
        {
            var input = block.Inputs[c];
            var h = _history[c];
            for (var i = 0; i < block.Frames; i++)
            {
                var frame = _written + i;
                h[frame & 0xFFFF] = input[i];
                input[i] = frame - extraFrames < 0 ? 0 : h[(frame - extraFrames) & 0xFFFF];
            }
        }
        _written += block.Frames;
        _callback!.Process(block);
    }

    public void Stop() => inner.Stop();

    public void Dispose() => inner.Dispose();
}
