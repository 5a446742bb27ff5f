using System.Numerics.Tensors;

namespace AudioLab.Engine.Metering;

/// <summary>
/// Peak, RMS, peak hold and clip detection of one channel. Owned by the audio thread: every method but the constructor
/// is "audio thread; never allocates". Levels are linear inside and turned into dBFS only by <see cref="Read"/>.
/// </summary>
public sealed class ChannelMeter
{
    private readonly int _sampleRate;
    private readonly double _fallPerFrameDb;
    private readonly long _holdFrames;
    private readonly double _rmsFrames;
    private double _peak;
    private double _hold;
    private long _holdLeft;
    private double _meanSquare;
    private bool _clipped;
    private long _clipCount;

    public ChannelMeter(int sampleRate, MeterOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentNullException.ThrowIfNull(options);
        _sampleRate = sampleRate;
        _fallPerFrameDb = options.PeakFallDbPerSecond / sampleRate;
        _holdFrames = (long)(options.PeakHoldSeconds * sampleRate);
        _rmsFrames = Math.Max(1.0, options.RmsWindowSeconds * sampleRate);
    }

    public int SampleRate => _sampleRate;

    /// <summary>
    /// Measures <paramref name="samples"/> as heard after a gain of <paramref name="gain"/> (a fader), so a post-fader
    /// meter need not copy the signal. Audio thread; never allocates.
    /// </summary>
    public void Process(ReadOnlySpan<float> samples, float gain = 1f)
    {
        var n = samples.Length;
        if (n == 0) return;
        var g = Math.Abs(gain);
        var blockPeak = g == 0f ? 0.0 : Math.Abs((double)TensorPrimitives.MaxMagnitude(samples)) * g;
        var blockMeanSquare = g == 0f ? 0.0 : TensorPrimitives.SumOfSquares(samples) * (double)g * g / n;
        if (blockPeak >= 1.0)
        {
            _clipped = true;
            var limit = 1f / g;
            for (var i = 0; i < n; i++)
                if (Math.Abs(samples[i]) >= limit) _clipCount++;
        }
        Advance(n, blockPeak, blockMeanSquare);
    }

    /// <summary>Lets the meter fall over <paramref name="frames"/> frames of silence. Audio thread; never allocates.</summary>
    public void ProcessSilence(int frames)
    {
        if (frames > 0) Advance(frames, 0.0, 0.0);
    }

    private void Advance(int frames, double blockPeak, double blockMeanSquare)
    {
        // Exact for a stationary signal and cheap: one exp per block instead of a per-sample filter.
        var keep = Math.Exp(-frames / _rmsFrames);
        _meanSquare = _meanSquare * keep + blockMeanSquare * (1 - keep);
        var fallen = _peak * Math.Pow(10.0, -_fallPerFrameDb * frames / 20.0);
        _peak = Math.Max(blockPeak, fallen);
        if (blockPeak >= _hold)
        {
            _hold = blockPeak;
            _holdLeft = _holdFrames;
        }
        else
        {
            _holdLeft -= frames;
            if (_holdLeft <= 0) _hold = _peak;
        }
    }

    /// <summary>Clears levels, hold and the clip latch. Audio thread; never allocates.</summary>
    public void Reset()
    {
        _peak = _hold = _meanSquare = 0;
        _holdLeft = 0;
        _clipped = false;
        _clipCount = 0;
    }

    /// <summary>The current state in dBFS. Audio thread; never allocates.</summary>
    public MeterReading Read() => new(ToDb(_peak), ToDb(Math.Sqrt(_meanSquare)), ToDb(_hold), _clipped, _clipCount);

    private static double ToDb(double linear) =>
        linear <= 0 ? MeterOptions.FloorDb : Math.Max(MeterOptions.FloorDb, 20.0 * Math.Log10(linear));
}
