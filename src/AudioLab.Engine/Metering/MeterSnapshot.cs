namespace AudioLab.Engine.Metering;

/// <summary>
/// Every meter of a session at one moment: inputs, tracks (post-fader, left/right) and master. Preallocated for the
/// largest session; filled in place on the audio thread and handed out through a <c>SnapshotPublisher</c>.
/// </summary>
public sealed class MeterSnapshot
{
    public MeterSnapshot(int inputChannels, int maxTracks)
    {
        Inputs = new MeterReading[inputChannels];
        TrackIds = new Guid[maxTracks];
        TrackLeft = new MeterReading[maxTracks];
        TrackRight = new MeterReading[maxTracks];
    }

    /// <summary>One reading per device input channel.</summary>
    public MeterReading[] Inputs { get; }

    /// <summary>Track ids of the first <see cref="TrackCount"/> slots, in graph (track) order.</summary>
    public Guid[] TrackIds { get; }

    public MeterReading[] TrackLeft { get; }

    public MeterReading[] TrackRight { get; }

    public int TrackCount { get; set; }

    public MeterReading MasterLeft { get; set; }

    public MeterReading MasterRight { get; set; }

    /// <summary>Device frame of the block these readings end with.</summary>
    public long DeviceFrame { get; set; }

    /// <summary>Copies into <paramref name="target"/> (same sizes). Any thread that owns both; never allocates.</summary>
    public void CopyTo(MeterSnapshot target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Inputs.AsSpan().CopyTo(target.Inputs);
        TrackIds.AsSpan(0, TrackCount).CopyTo(target.TrackIds);
        TrackLeft.AsSpan(0, TrackCount).CopyTo(target.TrackLeft);
        TrackRight.AsSpan(0, TrackCount).CopyTo(target.TrackRight);
        target.TrackCount = TrackCount;
        target.MasterLeft = MasterLeft;
        target.MasterRight = MasterRight;
        target.DeviceFrame = DeviceFrame;
    }
}
