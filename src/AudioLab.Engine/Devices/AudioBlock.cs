namespace AudioLab.Engine.Devices;

/// <summary>
/// One device period, planar. Allocated once by the device when it starts and reused for every callback,
/// so the callback path allocates nothing. The device fills <see cref="Inputs"/> and zeroes <see cref="Outputs"/>
/// before each call; the engine adds into <see cref="Outputs"/>.
/// </summary>
public sealed class AudioBlock(int inputChannels, int outputChannels, int maxFrames)
{
    public float[][] Inputs { get; } = CreateChannels(inputChannels, maxFrames);
    public float[][] Outputs { get; } = CreateChannels(outputChannels, maxFrames);
    public int MaxFrames { get; } = maxFrames;

    /// <summary>Valid frames in this period (at most <see cref="MaxFrames"/>).</summary>
    public int Frames { get; set; }

    /// <summary>Running count of frames this device stream has processed before this block; the engine's clock.</summary>
    public long DeviceFrame { get; set; }

    /// <summary>Set when the backend reported an input overflow or output underflow just before this block.</summary>
    public bool Xrun { get; set; }

    private static float[][] CreateChannels(int channels, int frames)
    {
        var result = new float[channels][];
        for (var i = 0; i < channels; i++) result[i] = new float[frames];
        return result;
    }
}
