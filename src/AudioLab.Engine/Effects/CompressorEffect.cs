using System.Numerics.Tensors;

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
    private const float DbToNeper = 0.11512925f; // ln(10)/20: exp(dB × this) is the linear gain

    private readonly float _threshold, _ratio, _attackMs, _releaseMs, _makeup, _knee;
    private float _attackCoef, _releaseCoef;
    private float[] _level = [], _gain = [];
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
        _level = new float[maxBlockFrames];
        _gain = new float[maxBlockFrames];
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
        // Vectorised around the one truly serial part (the envelope): level in SIMD, then log and envelope scalar,
        // then exp and the multiply in SIMD. (TensorPrimitives.Log2/Exp2 measured ~10x slower than MathF.Log2 and
        // TensorPrimitives.Exp for float on our machines, hence this mix.)
        var n = left.Length;
        var level = _level.AsSpan(0, n);
        var gain = _gain.AsSpan(0, n);
        TensorPrimitives.MaxMagnitude(left, right, level);
        TensorPrimitives.Abs(level, level);
        // Below -120 dBFS there is nothing to compress; the floor also keeps log2 away from 0.
        TensorPrimitives.Max(level, 1e-6f, level);
        var s = _state!;
        var env = s.Envelope;
        float aA = 1 - _attackCoef, aR = 1 - _releaseCoef, makeup = _makeup;
        // The static curve without branches: t = clamp(over + knee/2, 0, knee) gives 0 below the knee, the quadratic in it,
        // and knee/2 + (over - knee/2) = over above it (see StaticGainDb, which tests check this against).
        float slope = 1 - 1 / _ratio, threshold = _threshold, halfKnee = _knee / 2, knee = _knee;
        var invTwoKnee = _knee > 0 ? 1 / (2 * _knee) : 0;
        for (var i = 0; i < n; i++)
        {
            var over = DbPerLog2 * MathF.Log2(level[i]) - threshold;
            var t = Math.Clamp(over + halfKnee, 0, knee);
            var reduction = slope * (t * t * invTwoKnee + MathF.Max(0, over - halfKnee));
            env += (reduction > env ? aA : aR) * (reduction - env);
            gain[i] = (makeup - env) * DbToNeper;
        }
        s.Envelope = env < 1e-9f ? 0 : env;
        TensorPrimitives.Exp(gain, gain);
        TensorPrimitives.Multiply(left, gain, left);
        TensorPrimitives.Multiply(right, gain, right);
    }
}
