namespace AudioLab.Engine.Devices;

/// <summary>The engine side of a device stream.</summary>
public interface IAudioCallback
{
    /// <summary>Audio thread; must never allocate, lock, log, await or do I/O.</summary>
    void Process(AudioBlock block);
}
