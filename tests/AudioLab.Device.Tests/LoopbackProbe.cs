using AudioLab.Engine.Devices;

namespace AudioLab.Device.Tests;

/// <summary>
/// The engine side for the device tests: plays a unit click on output 0 at a device frame chosen by the test thread,
/// records the device frame where the input crosses 0.5, and measures allocations on the callback thread between the
/// <c>measureFrom</c>-th and <c>measureTo</c>-th callbacks (preallocated fields only).
/// </summary>
internal sealed class LoopbackProbe(int measureFrom, int measureTo) : IAudioCallback
{
    private long _clickFrame = long.MaxValue;
    private long _detectedFrame = -1;
    private long _callbacks;
    private long _allocationStart;
    private long _allocatedBytes = -1;

    public long Callbacks => Interlocked.Read(ref _callbacks);

    public long DetectedFrame => Interlocked.Read(ref _detectedFrame);

    public long AllocatedBytes => Interlocked.Read(ref _allocatedBytes);

    /// <summary>Last device frame the probe has seen (end of the last block).</summary>
    public long FrameNow { get; private set; }

    /// <summary>Control thread: schedule the next click and forget the previous detection.</summary>
    public void ClickAt(long frame)
    {
        Interlocked.Exchange(ref _detectedFrame, -1);
        Interlocked.Exchange(ref _clickFrame, frame);
    }

    public void Process(AudioBlock block)
    {
        var n = Interlocked.Increment(ref _callbacks);
        if (n == measureFrom) _allocationStart = GC.GetAllocatedBytesForCurrentThread();
        if (n == measureTo) Interlocked.Exchange(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - _allocationStart);

        var click = Interlocked.Read(ref _clickFrame);
        if (Interlocked.Read(ref _detectedFrame) < 0 && block.Inputs.Length > 0)
        {
            var input = block.Inputs[0];
            for (var i = 0; i < block.Frames; i++)
            {
                if (input[i] > 0.5f && block.DeviceFrame + i >= click)
                {
                    Interlocked.Exchange(ref _detectedFrame, block.DeviceFrame + i);
                    break;
                }
            }
        }
        var offset = click - block.DeviceFrame;
        if (offset >= 0 && offset < block.Frames) block.Outputs[0][offset] = 1f;
        FrameNow = block.DeviceFrame + block.Frames;
    }
}
