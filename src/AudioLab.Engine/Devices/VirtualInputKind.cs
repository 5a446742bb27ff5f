namespace AudioLab.Engine.Devices;

/// <summary>Where the virtual device's input comes from.</summary>
public enum VirtualInputKind
{
    Silence,
    Sine,
    /// <summary>A WAV file (<see cref="VirtualDeviceOptions.InputFile"/>) read by its own thread.</summary>
    File,
    /// <summary>The device's own output, delayed by exactly <see cref="VirtualDeviceOptions.LatencyFrames"/> frames.</summary>
    Loopback,
}
