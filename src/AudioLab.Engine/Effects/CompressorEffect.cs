using System.Runtime.Intrinsics;
using AudioLab.Core.Dsp;

namespace AudioLab.Engine.Effects;

/// <summary>
/// Feed-forward compressor, stereo-linked (the louder channel drives both). Static curve with a quadratic
/// soft knee (Giannoulis, Massberg and Reiss, JAES 2012): below threshold − knee/2 no change; above
/// threshold + knee/2 the output rises 1/ratio dB per input dB; in between a quadratic blend.
/// Gain reduction is smoothed in the dB domain with separate attack and release time constants, then
/// make-up gain is added. At steady state the gain reduction equals the static curve (to the ~1e-5 dB of the fast
/// log2/exp2, see <see cref="FastMath"/>).
/// </summary>
public sealed class CompressorEffect : IEffect
{
    private sealed class State
    {
        public float Envelope; // current gain reduction in dB, >= 0
    }

    private const float DbPerLog2 = 6.0205999f; // 20·log10(2): converts log2 to dB
    private const float Log2PerDb = 0.16609640f; // log2(10)/20: 2^(dB × this) is the linear gain
    private const int Lanes = 8; // floats per Vector256

    private readonly float _threshold, _ratio, _attackMs, _releaseMs, _makeup, _knee;
    private float _attackCoef, _releaseCoef;
    private float[] _target = [], _envelope = [];
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
        _target = new float[maxBlockFrames];
        _envelope = new float[maxBlockFrames];
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
        if (right.Length != left.Length) throw new ArgumentException("Both channels must have the same length.", nameof(right));
        // Three passes around the one truly serial part. (1) SIMD: detector level, log2 and the static curve into a
        // reduction target per frame. (2) Scalar: the attack/release envelope, branch-free. (3) SIMD: dB -> linear gain
        // and the multiply. Passes 1 and 3 use FastMath's polynomial log2/exp2 (errors in docs/effects.md).
        var n = left.Length;
        var target = _target.AsSpan(0, n);
        var envelope = _envelope.AsSpan(0, n);
        ComputeTargets(left, right, target);
        var s = _state!;
        s.Envelope = Smooth(target, envelope, s.Envelope, _attackCoef, _releaseCoef);
        ApplyGain(envelope, left, right, _makeup);
    }

    private void ComputeTargets(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> target)
    {
        // The static curve without branches: t = clamp(over + knee/2, 0, knee) gives 0 below the knee, the quadratic in it,
        // and knee/2 + (over - knee/2) = over above it (see StaticGainDb, which tests check this against).
        var slope = Vector256.Create(1 - 1 / _ratio);
        var threshold = Vector256.Create(_threshold);
        var halfKnee = Vector256.Create(_knee / 2);
        var knee = Vector256.Create(_knee);
        var invTwoKnee = Vector256.Create(_knee > 0 ? 1 / (2 * _knee) : 0);
        // Below -120 dBFS there is nothing to compress; the floor also keeps log2 on normal numbers.
        var floor = Vector256.Create(1e-6f);
        var dbPerLog2 = Vector256.Create(DbPerLog2);
        var n = left.Length;
        var i = 0;
        Span<float> tail = stackalloc float[3 * Lanes];
        while (i < n)
        {
            Vector256<float> l, r;
            var full = n - i >= Lanes;
            if (full)
            {
                l = Vector256.Create(left.Slice(i, Lanes));
                r = Vector256.Create(right.Slice(i, Lanes));
            }
            else
            {
                // The last partial vector goes through the same arithmetic from a zero-padded copy.
                tail.Clear();
                left[i..].CopyTo(tail);
                right[i..].CopyTo(tail[Lanes..]);
                l = Vector256.Create(tail[..Lanes]);
                r = Vector256.Create(tail.Slice(Lanes, Lanes));
            }
            var level = Vector256.MaxNative(Vector256.MaxNative(Vector256.Abs(l), Vector256.Abs(r)), floor);
            var over = dbPerLog2 * FastMath.Log2(level) - threshold;
            var t = Vector256.MinNative(Vector256.MaxNative(over + halfKnee, Vector256<float>.Zero), knee);
            var reduction = slope * (t * t * invTwoKnee + Vector256.MaxNative(over - halfKnee, Vector256<float>.Zero));
            if (full)
            {
                reduction.CopyTo(target.Slice(i, Lanes));
            }
            else
            {
                reduction.CopyTo(tail[(2 * Lanes)..]);
                tail.Slice(2 * Lanes, n - i).CopyTo(target[i..]);
            }
            i += Lanes;
        }
    }

    /// <summary>
    /// env ← env + a·(target − env) with a = attack share while the target is above env, else release share; written as
    /// two candidates (coef·env + share·target) and a blend, so the loop-carried chain is one fused multiply-add plus a
    /// select (~5 cycles) instead of a data-dependent branch that noise makes unpredictable. Returns the last value.
    /// </summary>
    private static float Smooth(ReadOnlySpan<float> target, Span<float> envelope, float env, float attackCoef, float releaseCoef)
    {
        var kA = Vector128.CreateScalar(attackCoef);
        var kR = Vector128.CreateScalar(releaseCoef);
        var aA = Vector128.CreateScalar(1 - attackCoef);
        var aR = Vector128.CreateScalar(1 - releaseCoef);
        var e = Vector128.CreateScalar(env);
        for (var i = 0; i < target.Length; i++)
        {
            var x = Vector128.CreateScalar(target[i]);
            var attack = Vector128.FusedMultiplyAdd(kA, e, aA * x);
            var release = Vector128.FusedMultiplyAdd(kR, e, aR * x);
            e = Vector128.ConditionalSelect(Vector128.GreaterThan(x, e), attack, release);
            envelope[i] = e.ToScalar();
        }
        var last = e.ToScalar();
        return last < 1e-9f ? 0 : last;
    }

    private static void ApplyGain(ReadOnlySpan<float> envelope, Span<float> left, Span<float> right, float makeupDb)
    {
        var makeup = Vector256.Create(makeupDb);
        var log2PerDb = Vector256.Create(Log2PerDb);
        var n = left.Length;
        var i = 0;
        for (; i <= n - Lanes; i += Lanes)
        {
            var g = FastMath.Exp2((makeup - Vector256.Create(envelope.Slice(i, Lanes))) * log2PerDb);
            (Vector256.Create(left.Slice(i, Lanes)) * g).CopyTo(left.Slice(i, Lanes));
            (Vector256.Create(right.Slice(i, Lanes)) * g).CopyTo(right.Slice(i, Lanes));
        }
        if (i < n)
        {
            Span<float> tail = stackalloc float[Lanes];
            tail.Clear();
            envelope[i..].CopyTo(tail);
            var g = FastMath.Exp2((makeup - Vector256.Create(tail)) * log2PerDb);
            g.CopyTo(tail);
            for (var j = i; j < n; j++)
            {
                left[j] *= tail[j - i];
                right[j] *= tail[j - i];
            }
        }
    }
}
