namespace AudioLab.Engine.Devices;

/// <summary>
/// The virtual device's loopback cable: keeps the last output frames per channel, indexed by device frame, so the input
/// for frame g is exactly the output of frame g - latency. Preallocated; the audio-thread methods never allocate.
/// </summary>
internal sealed class LoopbackDelayLine
{
    private readonly float[][] _history;
    private readonly long _mask;
    private readonly int _latency;

    public LoopbackDelayLine(int channels, int latencyFrames, int maxBlockFrames)
    {
        _latency = latencyFrames;
        // Holds every frame from the oldest one still to be read (current - latency) to the newest written.
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(latencyFrames + maxBlockFrames));
        _mask = size - 1;
        _history = new float[channels][];
        for (var c = 0; c < channels; c++) _history[c] = new float[size];
    }

    /// <summary>Audio thread; never allocates. Fills the input block starting at <paramref name="deviceFrame"/>.</summary>
    public void Fill(float[][] inputs, int frames, long deviceFrame)
    {
        for (var c = 0; c < inputs.Length; c++)
        {
            var source = _history[c % _history.Length];
            var destination = inputs[c];
            for (var i = 0; i < frames; i++)
            {
                var frame = deviceFrame + i - _latency;
                destination[i] = frame < 0 ? 0f : source[frame & _mask];
            }
        }
    }

    /// <summary>Audio thread; never allocates. Records the output block that starts at <paramref name="deviceFrame"/>.</summary>
    public void Capture(float[][] outputs, int frames, long deviceFrame)
    {
        for (var c = 0; c < _history.Length; c++)
        {
            var source = outputs[c];
            var destination = _history[c];
            for (var i = 0; i < frames; i++) destination[(deviceFrame + i) & _mask] = source[i];
        }
    }

    /// <summary>Audio thread; never allocates. Frames dropped by an xrun played nothing, so they come back as silence.</summary>
    public void CaptureSilence(long deviceFrame, long frames)
    {
        var n = Math.Min(frames, _mask + 1);
        for (var c = 0; c < _history.Length; c++)
        {
            var destination = _history[c];
            for (long i = 0; i < n; i++) destination[(deviceFrame + i) & _mask] = 0f;
        }
    }
}
