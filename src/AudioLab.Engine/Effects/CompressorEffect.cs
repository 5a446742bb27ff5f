namespace AudioLab.Engine.Effects;

/// <summary>
/// Feed-forward compressor, stereo-linked (the louder channel drives both). Static curve with a quadratic
/// soft knee (Giannoulis, Massberg and Reiss, JAES 2012): below threshold − knee/2 no change; above
/// threshold + knee/2 the output rises 1/ratio dB per input dB; in between a quadratic blend.
/// Gain reduction is smoothed in the dB domain with separate attack and release time constants, then
/// make-up gain is added. At steady state the gain reduction equals the static curve exactly.
/// </summary>
public sealed class CompressorEffect : IEffect
{
    private sealed class State
    {
        public float Envelope; // current gain reduction in dB, >= 0
    }

    private const float DbPerLog2 = 6.0205999f; // 20·log10(2): converts log2 to dB

    private readonly float _threshold, _ratio, _attackMs, _releaseMs, _makeup, _knee;
    private float _attackCoef, _releaseCoef;
    private State? _state;

    public CompressorEffect(double thresholdDb, double ratio, double attackMs, double releaseMs, double makeupDb, double kneeDb)
    {
        _threshold = (float)thresholdDb;
        _ratio = (float)ratio;
        _attackMs = (float)attackMs;
        _releaseMs = (float)releaseMs;
        _makeup = (float)makeupDb;
        _knee = (float)kneeDb;
    }

    internal CompressorEffect(EffectParameters p, EffectContext _)
        : this(p["threshold_db"], p["ratio"], p["attack_ms"], p["release_ms"], p["makeup_db"], p["knee_db"]) { }

    public string Type => "compressor";

    public int LatencyFrames => 0;

    /// <summary>Static gain reduction in dB (≤ 0) for an input level in dBFS; the curve the envelope settles on.</summary>
    public float StaticGainDb(float inputDb)
    {
        var over = inputDb - _threshold;
        var slope = 1f / _ratio - 1f;
        if (2 * over <= -_knee) return 0f;
        if (_knee > 0 && 2 * MathF.Abs(over) <= _knee)
        {
            var t = over + _knee / 2;
            return slope * t * t / (2 * _knee);
        }
        return slope * over;
    }

    public void Prepare(int sampleRate, int maxBlockFrames)
    {
        _attackCoef = MathF.Exp(-1000f / (_attackMs * sampleRate));
        _releaseCoef = MathF.Exp(-1000f / (_releaseMs * sampleRate));
        _state ??= new State();
    }

    public bool TryAdoptState(IEffect previous)
    {
        if (previous is not CompressorEffect c || c._state is null) return false;
        _state = c._state;
        return true;
    }

    public void Reset()
    {
        if (_state is not null) _state.Envelope = 0;
    }

    /// <summary>Audio thread; never allocates.</summary>
    public void Process(Span<float> left, Span<float> right)
    {
        var s = _state!;
        var env = s.Envelope;
        float aA = _attackCoef, aR = _releaseCoef, makeup = _makeup;
        for (var i = 0; i < left.Length; i++)
        {
            var peak = MathF.Max(MathF.Abs(left[i]), MathF.Abs(right[i]));
            // Below -120 dBFS there is nothing to compress; skipping the log also avoids log(0).
            var reduction = peak > 1e-6f ? -StaticGainDb(DbPerLog2 * MathF.Log2(peak)) : 0f;
            env = reduction > env ? aA * env + (1 - aA) * reduction : aR * env + (1 - aR) * reduction;
            var gainDb = makeup - env;
            if (gainDb != 0)
            {
                var g = float.Exp2(gainDb / DbPerLog2);
                left[i] *= g;
                right[i] *= g;
            }
        }
        s.Envelope = env < 1e-9f ? 0 : env;
    }
}
