namespace AudioLab.Engine.Devices;

/// <summary>How the virtual device paces its callbacks.</summary>
public enum VirtualClockMode
{
    /// <summary>A clock thread calls the engine once per period at the real block rate; late periods are dropped and counted as xruns.</summary>
    RealTime,
    /// <summary>A clock thread calls the engine back to back as fast as it can; nothing is dropped (file input and capture wait instead).</summary>
    Freewheel,
    /// <summary>No thread: the test calls <see cref="VirtualDevice.RunBlocks"/> and the blocks run synchronously on its thread.</summary>
    Manual,
}
