using AudioLab.Engine.Realtime;

namespace AudioLab.Engine.Recording;

/// <summary>
/// One start..stop recording on a track: the ring and event queue from the audio thread to the disk writer, and the
/// audio thread's running state. Created (and all its memory allocated) by a control thread, then owned by the audio
/// thread until <see cref="IsFinished"/>; the disk writer only reads the ring and the events.
/// </summary>
public sealed class TrackRecording
{
    private readonly TaskCompletionSource<RecordingResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _framesCaptured;
    private long _lostFrames;
    private volatile bool _finished;

    /// <summary>Control thread; allocates the ring (<paramref name="ringFrames"/> frames) and the event queue.</summary>
    public TrackRecording(Guid trackId, IReadOnlyList<int> inputChannels, int sampleRate, LatencyTerms latency, int ringFrames, int maxBlockFrames)
    {
        ArgumentNullException.ThrowIfNull(inputChannels);
        if (inputChannels.Count is < 1 or > 2) throw new ArgumentException("A recording takes one or two input channels.", nameof(inputChannels));
        if (latency.RoundTripFrames < 0) throw new ArgumentException("The round-trip latency cannot be negative.", nameof(latency));
        Id = Guid.NewGuid();
        TrackId = trackId;
        InputChannels = [.. inputChannels];
        SampleRate = sampleRate;
        Latency = latency;
        Ring = new SpscRingBuffer(Math.Max(ringFrames, maxBlockFrames * 4) * InputChannels.Length);
        Events = new SpscQueue<CaptureEvent>(4096);
        View = new float[InputChannels.Length][];
        Zeros = new float[maxBlockFrames];
    }

    public Guid Id { get; }

    public Guid TrackId { get; }

    /// <summary>Zero-based device input channels, in file channel order.</summary>
    public int[] InputChannels { get; }

    public int Channels => InputChannels.Length;

    public int SampleRate { get; }

    public LatencyTerms Latency { get; }

    internal SpscRingBuffer Ring { get; }

    internal SpscQueue<CaptureEvent> Events { get; }

    /// <summary>Planar channel references for <see cref="SpscRingBuffer.WriteInterleaved"/> (audio thread scratch).</summary>
    internal float[][] View { get; }

    internal float[] Zeros { get; }

    // Audio-thread state.
    internal long HeardStart = long.MaxValue;
    internal long HeardStop = long.MaxValue;
    internal bool TakeOpen;
    internal long NextTimelineFrame;
    internal long RingFrames;
    internal long EventOverflows;

    /// <summary>Frames placed into takes so far, silence pads included. Any thread.</summary>
    public long FramesCaptured => Volatile.Read(ref _framesCaptured);

    /// <summary>Frames padded with silence (lost input or a full ring). Any thread.</summary>
    public long LostFrames => Volatile.Read(ref _lostFrames);

    /// <summary>True once the audio thread has written its last frame and event.</summary>
    public bool IsFinished => _finished;

    /// <summary>Completes when the disk writer has closed every take of this recording.</summary>
    public Task<RecordingResult> Completion => _completion.Task;

    internal void AddCaptured(long frames) => Volatile.Write(ref _framesCaptured, _framesCaptured + frames);

    internal void AddLost(long frames) => Volatile.Write(ref _lostFrames, _lostFrames + frames);

    /// <summary>Producer side (audio thread, or the control thread once the device has stopped).</summary>
    internal void MarkFinished() => _finished = true;

    internal void Complete(RecordingResult result) => _completion.TrySetResult(result);
}
