using AudioLab.Core.Dsp;

namespace AudioLab.Engine.Effects;

/// <summary>
/// Brick-wall lookahead limiter for the master bus, stereo-linked. For each input frame the gain that would
/// bring it to the ceiling is computed; the minimum over the last N = lookahead + 1 frames is held, released
/// towards 1 with the release time constant, then averaged over the same N frames, and applied to the input
/// delayed by N − 1 frames. Every held window that is averaged contains the peak, so the average never exceeds
/// the gain the peak needs: the output never goes above the ceiling (a final clamp only absorbs float rounding).
/// With lookahead 0 it is an instant-attack clipper with smooth release. Latency = lookahead frames.
/// </summary>
public sealed class LimiterEffect : IEffect
{
    private sealed class State
    {
        public required float[] DelayL, DelayR; // last N inputs
        public required float[] MinValues;      // monotonic deque of (value, frame) for the sliding minimum
        public required long[] MinFrames;
        public required float[] Box;            // last N released gains, for the moving average
        public int MinHead, MinCount;
        public long Frame;
        public double BoxSum;
        public float Released = 1f;
    }

    private readonly float _ceiling;
    private readonly double _releaseMs, _lookaheadMs;
    private int _window;
    private float _releaseCoef;
    private State? _state;

    public LimiterEffect(double ceilingDb, double releaseMs, double lookaheadMs)
    {
        _ceiling = (float)Decibels.ToGain(ceilingDb);
        _releaseMs = releaseMs;
        _lookaheadMs = lookaheadMs;
    }

    internal LimiterEffect(EffectParameters p, EffectContext _) : this(p["ceiling_db"], p["release_ms"], p["lookahead_ms"]) { }

    public string Type => "limiter";

    /// <summary>Linear ceiling the output never exceeds.</summary>
    public float Ceiling => _ceiling;

    public int LatencyFrames => _window - 1;

    public void Prepare(int sampleRate, int maxBlockFrames)
    {
        _window = 1 + (int)Math.Round(_lookaheadMs * sampleRate / 1000);
        _releaseCoef = (float)Math.Exp(-1000 / (_releaseMs * sampleRate));
        if (_state is not null && _state.Box.Length == _window) return;
        _state = new State
        {
            DelayL = new float[_window],
            DelayR = new float[_window],
            MinValues = new float[_window],
            MinFrames = new long[_window],
            Box = new float[_window],
        };
        Reset();
    }

    public bool TryAdoptState(IEffect previous)
    {
        if (previous is not LimiterEffect l || l._state is null) return false;
        _state = l._state; // Prepare replaces it when the lookahead differs.
        return true;
    }

    public void Reset()
    {
        var s = _state;
        if (s is null) return;
        Array.Clear(s.DelayL);
        Array.Clear(s.DelayR);
        Array.Fill(s.Box, 1f);
        s.BoxSum = s.Box.Length;
        s.MinHead = s.MinCount = 0;
        s.Frame = 0;
        s.Released = 1f;
    }

    /// <summary>Audio thread; never allocates.</summary>
    public void Process(Span<float> left, Span<float> right)
    {
        var s = _state!;
        var n = _window;
        var ceiling = _ceiling;
        var invN = 1.0 / n;
        for (var i = 0; i < left.Length; i++)
        {
            var frame = s.Frame++;
            var slot = (int)(frame % n);
            var inL = left[i];
            var inR = right[i];
            var peak = MathF.Max(MathF.Abs(inL), MathF.Abs(inR));
            var need = peak > ceiling ? ceiling / peak : 1f;

            // Sliding minimum over the last n needs: drop larger values from the back, expired ones from the front.
            while (s.MinCount > 0 && s.MinValues[(s.MinHead + s.MinCount - 1) % n] >= need) s.MinCount--;
            var back = (s.MinHead + s.MinCount) % n;
            s.MinValues[back] = need;
            s.MinFrames[back] = frame;
            s.MinCount++;
            if (s.MinFrames[s.MinHead] <= frame - n)
            {
                s.MinHead = (s.MinHead + 1) % n;
                s.MinCount--;
            }
            var held = s.MinValues[s.MinHead];

            // Release glides up towards the held value but never above it, so the guarantee survives.
            var released = held < s.Released ? held : s.Released + (held - s.Released) * (1 - _releaseCoef);
            s.Released = released;

            s.BoxSum += released - s.Box[slot];
            s.Box[slot] = released;
            var gain = (float)(s.BoxSum * invN);

            // The frame leaving the delay line is the one that entered n - 1 frames ago.
            var outSlot = (int)((frame + 1) % n);
            s.DelayL[slot] = inL;
            s.DelayR[slot] = inR;
            var outL = s.DelayL[outSlot] * gain;
            var outR = s.DelayR[outSlot] * gain;
            left[i] = Math.Clamp(outL, -ceiling, ceiling);
            right[i] = Math.Clamp(outR, -ceiling, ceiling);
        }
    }
}
