using AudioLab.Engine.Devices;

namespace AudioLab.Engine.Tests.Devices;

/// <summary>Plays unit impulses at given device frames on every output and notes the device frames where input exceeds 0.5.</summary>
internal sealed class ImpulseCallback(long[] impulseFrames, int maxDetections = 64) : IAudioCallback
{
    private readonly long[] _detected = new long[maxDetections];
    private readonly int[] _detectedChannel = new int[maxDetections];

    public int DetectionCount { get; private set; }

    public IEnumerable<(long Frame, int Channel)> Detections =>
        Enumerable.Range(0, DetectionCount).Select(i => (_detected[i], _detectedChannel[i]));

    public void Process(AudioBlock block)
    {
        for (var c = 0; c < block.Inputs.Length; c++)
        {
            var input = block.Inputs[c];
            for (var i = 0; i < block.Frames; i++)
            {
                if (input[i] > 0.5f && DetectionCount < _detected.Length)
                {
                    _detected[DetectionCount] = block.DeviceFrame + i;
                    _detectedChannel[DetectionCount++] = c;
                }
            }
        }
        foreach (var frame in impulseFrames)
        {
            var offset = frame - block.DeviceFrame;
            if (offset < 0 || offset >= block.Frames) continue;
            foreach (var output in block.Outputs) output[offset] = 1f;
        }
    }
}
