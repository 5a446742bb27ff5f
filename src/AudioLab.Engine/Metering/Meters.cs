using AudioLab.Engine.Graph;
using AudioLab.Engine.Realtime;

namespace AudioLab.Engine.Metering;

/// <summary>
/// The session's meters: one per device input channel, left/right per track (post-fader) and the master (what the
/// device plays, monitoring included). Measured on the audio thread, published once per block through a triple buffer,
/// read by control threads. Track meters follow track ids, so a graph swap that keeps a track keeps its ballistics.
/// </summary>
public sealed class Meters
{
    private readonly ChannelMeter[] _inputs;
    private readonly ChannelMeter[] _trackLeft;
    private readonly ChannelMeter[] _trackRight;
    private readonly Guid[] _trackIds;
    private readonly ChannelMeter _masterLeft;
    private readonly ChannelMeter _masterRight;
    private readonly SnapshotPublisher<MeterSnapshot> _publisher;
    private readonly Lock _readGate = new();
    private int _trackCount;

    /// <summary>Allocates every meter up front. Control thread.</summary>
    public Meters(int sampleRate, int inputChannels, int maxTracks, MeterOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputChannels);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTracks, 1);
        options ??= MeterOptions.Default;
        _inputs = Create(inputChannels, sampleRate, options);
        _trackLeft = Create(maxTracks, sampleRate, options);
        _trackRight = Create(maxTracks, sampleRate, options);
        _trackIds = new Guid[maxTracks];
        _masterLeft = new ChannelMeter(sampleRate, options);
        _masterRight = new ChannelMeter(sampleRate, options);
        _publisher = new SnapshotPublisher<MeterSnapshot>(() => new MeterSnapshot(inputChannels, maxTracks));
    }

    public int MaxTracks => _trackIds.Length;

    /// <summary>Matches the track slots to a newly swapped-in graph; a slot whose track changed starts from silence. Audio thread; never allocates.</summary>
    public void UseGraph(PlaybackGraph? graph)
    {
        var count = graph is null ? 0 : Math.Min(graph.Tracks.Count, _trackIds.Length);
        for (var i = 0; i < count; i++)
        {
            var id = graph!.Tracks[i].Id;
            if (_trackIds[i] == id) continue;
            _trackIds[i] = id;
            _trackLeft[i].Reset();
            _trackRight[i].Reset();
        }
        _trackCount = count;
    }

    /// <summary>Meters every track strip's last render at its fader gain. Audio thread; never allocates.</summary>
    public void MeasureTracks(PlaybackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var tracks = graph.Tracks;
        for (var i = 0; i < _trackCount; i++)
        {
            var strip = tracks[i];
            var (left, right) = strip.TargetGains;
            _trackLeft[i].Process(strip.OutputLeft, left);
            _trackRight[i].Process(strip.OutputRight, right);
        }
    }

    /// <summary>Track meters fall while the transport is stopped. Audio thread; never allocates.</summary>
    public void SilenceTracks(int frames)
    {
        for (var i = 0; i < _trackCount; i++)
        {
            _trackLeft[i].ProcessSilence(frames);
            _trackRight[i].ProcessSilence(frames);
        }
    }

    /// <summary>Audio thread; never allocates.</summary>
    public void MeasureInputs(float[][] inputs, int frames)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var n = Math.Min(inputs.Length, _inputs.Length);
        for (var c = 0; c < n; c++) _inputs[c].Process(inputs[c].AsSpan(0, frames));
    }

    /// <summary>Audio thread; never allocates.</summary>
    public void MeasureMaster(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        _masterLeft.Process(left);
        _masterRight.Process(right);
    }

    /// <summary>Clears levels, holds and clip latches of every meter. Audio thread; never allocates.</summary>
    public void Reset()
    {
        foreach (var m in _inputs) m.Reset();
        foreach (var m in _trackLeft) m.Reset();
        foreach (var m in _trackRight) m.Reset();
        _masterLeft.Reset();
        _masterRight.Reset();
    }

    /// <summary>Publishes the current readings. Audio thread; never allocates.</summary>
    public void Publish(long deviceFrame)
    {
        var s = _publisher.Back;
        for (var c = 0; c < _inputs.Length; c++) s.Inputs[c] = _inputs[c].Read();
        for (var i = 0; i < _trackCount; i++)
        {
            s.TrackIds[i] = _trackIds[i];
            s.TrackLeft[i] = _trackLeft[i].Read();
            s.TrackRight[i] = _trackRight[i].Read();
        }
        s.TrackCount = _trackCount;
        s.MasterLeft = _masterLeft.Read();
        s.MasterRight = _masterRight.Read();
        s.DeviceFrame = deviceFrame;
        _publisher.Publish();
    }

    /// <summary>Copies the newest published readings into <paramref name="target"/>. Any control thread (serialized here); never allocates.</summary>
    public void Read(MeterSnapshot target)
    {
        lock (_readGate) _publisher.Read().CopyTo(target);
    }

    /// <summary>A fresh snapshot sized for this bank, for <see cref="Read"/>. Control thread; allocates.</summary>
    public MeterSnapshot CreateSnapshot() => new(_inputs.Length, _trackIds.Length);

    private static ChannelMeter[] Create(int count, int sampleRate, MeterOptions options)
    {
        var result = new ChannelMeter[count];
        for (var i = 0; i < count; i++) result[i] = new ChannelMeter(sampleRate, options);
        return result;
    }
}
