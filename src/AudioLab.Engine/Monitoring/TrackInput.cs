namespace AudioLab.Engine.Monitoring;

/// <summary>
/// A track's input assignment as the audio thread sees it: which device input channels feed it, whether it is armed,
/// and how it is monitored. Immutable: a change is a new instance sent through the command queue.
/// </summary>
/// <param name="InputChannels">Zero-based device input channels: one (mono, heard on both sides) or two (left, right).</param>
/// <param name="MonitorLevel">Linear gain of the monitored input (plan default 0.7).</param>
public sealed record TrackInput(Guid TrackId, IReadOnlyList<int> InputChannels, bool Armed, MonitorMode Mode, float MonitorLevel = TrackInput.DefaultMonitorLevel)
{
    public const float DefaultMonitorLevel = 0.7f;

    /// <summary>Whether the input is mixed into the output now.</summary>
    public bool IsMonitored => Mode == MonitorMode.On || (Mode == MonitorMode.Auto && Armed);

    /// <summary>Null when valid for a device with <paramref name="deviceInputs"/> inputs, otherwise the reason.</summary>
    public string? Validate(int deviceInputs)
    {
        if (InputChannels is null || InputChannels.Count is < 1 or > 2) return "A track input needs one or two input channels.";
        foreach (var c in InputChannels)
            if (c < 0 || c >= deviceInputs) return $"Input channel {c} does not exist (the device has {deviceInputs} inputs, numbered from 0).";
        if (!float.IsFinite(MonitorLevel) || MonitorLevel < 0 || MonitorLevel > 4) return $"monitor_level must be between 0 and 4, got {MonitorLevel}.";
        return null;
    }
}
