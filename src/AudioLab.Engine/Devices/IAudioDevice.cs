namespace AudioLab.Engine.Devices;

/// <summary>An audio device that drives the engine by calling <see cref="IAudioCallback.Process"/> once per period.</summary>
public interface IAudioDevice : IDisposable
{
    AudioDeviceInfo Info { get; }

    bool IsRunning { get; }

    /// <summary>Periods the backend reported as late or lost since <see cref="Start"/>.</summary>
    long XrunCount { get; }

    /// <summary>Callbacks delivered since <see cref="Start"/> (a liveness and rate check for tests and benchmarks).</summary>
    long CallbackCount { get; }

    /// <summary>Input and output latency as the running stream reports them, in frames (0 before start).</summary>
    (int Input, int Output) StreamLatencyFrames { get; }

    /// <summary>Opens and starts a duplex stream. Control thread; may block briefly.</summary>
    void Start(int sampleRate, int bufferFrames, IAudioCallback callback);

    /// <summary>Stops the stream; no callback runs after it returns. Control thread.</summary>
    void Stop();
}
