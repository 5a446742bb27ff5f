using System.Runtime.Intrinsics;

namespace AudioLab.Engine.Effects;

/// <summary>
/// Feedback delay, one line per channel. out = (1 − mix)·in + mix·delayed; the line is fed in + feedback·delayed,
/// so echo k (k ≥ 1) arrives k·time after the input with amplitude mix·feedback^(k−1).
/// Time is <c>time_ms</c>, or when <c>note</c> &gt; 0 a note value in whole notes (0.25 = quarter, 0.375 = dotted quarter)
/// at the project tempo; either way it is clamped to <see cref="MaxSeconds"/> and rounded to whole frames.
/// </summary>
public sealed class DelayEffect : IEffect
{
    /// <summary>Longest delay; bounds the memory a delay line may take (4 s stereo at 48 kHz = 1.5 MB).</summary>
    public const double MaxSeconds = 4.0;

    private sealed class State
    {
        public required float[] Left;
        public required float[] Right;
        public int Write;
    }

    private readonly double _seconds;
    private readonly float _feedback, _mix;
    private int _delayFrames;
    private State? _state;

    public DelayEffect(double seconds, double feedback, double mix)
    {
        _seconds = Math.Clamp(seconds, 1.0 / 48000, MaxSeconds);
        _feedback = (float)feedback;
        _mix = (float)mix;
    }

    internal DelayEffect(EffectParameters p, EffectContext ctx)
        : this(p["note"] > 0 ? p["note"] * 4 * 60 / ctx.Tempo : p["time_ms"] / 1000, p["feedback"], p["mix"]) { }

    public string Type => "delay";

    public int LatencyFrames => 0;

    /// <summary>Delay in frames once prepared.</summary>
    public int DelayFrames => _delayFrames;

    public void Prepare(int sampleRate, int maxBlockFrames)
    {
        _delayFrames = Math.Max(1, (int)Math.Round(_seconds * sampleRate));
        if (_state is null || _state.Left.Length < _delayFrames)
            _state = new State { Left = new float[_delayFrames], Right = new float[_delayFrames] };
    }

    public bool TryAdoptState(IEffect previous)
    {
        if (previous is not DelayEffect d || d._state is null) return false;
        _state = d._state; // Prepare replaces it if the line is too short for our time.
        return true;
    }

    public void Reset()
    {
        if (_state is null) return;
        Array.Clear(_state.Left);
        Array.Clear(_state.Right);
        _state.Write = 0;
    }

    /// <summary>Audio thread; never allocates.</summary>
    public void Process(Span<float> left, Span<float> right)
    {
        var s = _state!;
        var len = s.Left.Length;
        var write = s.Write;
        Run(left, s.Left, write, len);
        Run(right, s.Right, write, len);
        s.Write = (int)((write + (long)left.Length) % len);
    }

    private void Run(Span<float> io, float[] line, int write, int len)
    {
        var read = write - _delayFrames;
        if (read < 0) read += len;
        float fb = _feedback, wet = _mix, dry = 1 - _mix;
        if (_delayFrames < io.Length)
        {
            // A delay shorter than the block reads frames written in this very block: strictly one frame at a time.
            for (var i = 0; i < io.Length; i++)
            {
                var x = io[i];
                var d = line[read];
                var v = x + fb * d;
                line[write] = MathF.Abs(v) < 1e-20f ? 0 : v;
                io[i] = dry * x + wet * d;
                if (++read == len) read = 0;
                if (++write == len) write = 0;
            }
            return;
        }
        // Otherwise every frame read was written before this block, so the block is element-wise: run it in SIMD over
        // the stretches between ring wrap-arounds. Same operations per frame as above, so the same bits.
        var done = 0;
        while (done < io.Length)
        {
            var n = Math.Min(io.Length - done, Math.Min(len - read, len - write));
            Segment(io.Slice(done, n), line.AsSpan(read, n), line.AsSpan(write, n), fb, wet, dry);
            done += n;
            read += n;
            write += n;
            if (read == len) read = 0;
            if (write == len) write = 0;
        }
    }

    private static void Segment(Span<float> io, ReadOnlySpan<float> delayed, Span<float> feed, float fb, float wet, float dry)
    {
        const int lanes = 8;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vfb = Vector256.Create(fb);
            var vwet = Vector256.Create(wet);
            var vdry = Vector256.Create(dry);
            var tiny = Vector256.Create(1e-20f);
            for (; i <= io.Length - lanes; i += lanes)
            {
                var x = Vector256.Create(io.Slice(i, lanes));
                var d = Vector256.Create(delayed.Slice(i, lanes));
                var v = x + vfb * d;
                // Flush near-denormal feedback to 0 (a decaying tail would otherwise crawl through denormals).
                Vector256.AndNot(v, Vector256.LessThan(Vector256.Abs(v), tiny)).CopyTo(feed.Slice(i, lanes));
                (vdry * x + vwet * d).CopyTo(io.Slice(i, lanes));
            }
        }
        for (; i < io.Length; i++)
        {
            var x = io[i];
            var d = delayed[i];
            var v = x + fb * d;
            feed[i] = MathF.Abs(v) < 1e-20f ? 0 : v;
            io[i] = dry * x + wet * d;
        }
    }
}
