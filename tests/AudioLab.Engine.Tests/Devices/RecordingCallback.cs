using AudioLab.Engine.Devices;

namespace AudioLab.Engine.Tests.Devices;

/// <summary>
/// Keeps everything it received (input) and everything it played (output, a deterministic function of the input and the
/// frame) in preallocated arrays indexed by device frame, and measures the allocations on the audio thread between two
/// chosen callbacks.
/// </summary>
internal sealed class RecordingCallback(int channels, long capacityFrames, int measureFrom = 50, int measureTo = int.MaxValue) : IAudioCallback
{
    public float[][] Received { get; } = Enumerable.Range(0, channels).Select(_ => new float[capacityFrames]).ToArray();
    public float[][] Played { get; } = Enumerable.Range(0, channels).Select(_ => new float[capacityFrames]).ToArray();
    public long Callbacks { get; private set; }
    public long XrunBlocks { get; private set; }
    public long LastDeviceFrame { get; private set; } = -1;
    public long FrameGaps { get; private set; }
    public long AllocatedBytes { get; private set; } = -1;
    private long _allocationStart;
    private bool _noGcRegion;

    public void Process(AudioBlock block)
    {
        Callbacks++;
        if (Callbacks == measureFrom)
        {
            // A collection caused by another thread retires this thread's allocation context and moves its counter by the
            // unused part (seen: 8064 bytes with nothing allocated), so the window runs with collections held off.
            _noGcRegion = measureTo != int.MaxValue
                && System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.NoGCRegion
                && GC.TryStartNoGCRegion(64 << 20);
            _allocationStart = GC.GetAllocatedBytesForCurrentThread();
        }
        if (Callbacks == measureTo)
        {
            AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _allocationStart;
            if (_noGcRegion && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
        if (block.Xrun) XrunBlocks++;
        if (LastDeviceFrame >= 0 && block.DeviceFrame != LastDeviceFrame) FrameGaps++;
        LastDeviceFrame = block.DeviceFrame + block.Frames;
        for (var c = 0; c < channels; c++)
        {
            var input = block.Inputs[c];
            var output = block.Outputs[c];
            for (var i = 0; i < block.Frames; i++)
            {
                var frame = block.DeviceFrame + i;
                output[i] = 0.5f * input[i] + (c + 1) * 0.001f * (frame % 97);
                if (frame < capacityFrames)
                {
                    Received[c][frame] = input[i];
                    Played[c][frame] = output[i];
                }
            }
        }
    }
}
