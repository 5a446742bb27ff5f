namespace AudioLab.Engine.Effects;

/// <summary>
/// Freeverb (Jezar at Dreampoint, public domain): per channel eight damped feedback comb filters in parallel
/// followed by four Schroeder all-passes in series; the right channel's lines are 23 samples longer for width.
/// Line lengths are Jezar's 44.1 kHz tunings scaled to the sample rate. out = (1 − mix)·dry + mix·3·wet.
/// Comb feedback = 0.7 + 0.28·room_size stays below 1, so the tail always decays.
/// </summary>
public sealed class ReverbEffect : IEffect
{
    private static readonly int[] CombTunings = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617];
    private static readonly int[] AllpassTunings = [556, 441, 341, 225];
    private const int StereoSpread = 23;
    private const float FixedGain = 0.015f, ScaleWet = 3f, ScaleDamp = 0.4f, ScaleRoom = 0.28f, OffsetRoom = 0.7f;
    private const float AllpassFeedback = 0.5f;

    /// <summary>Keeps the lines out of denormal range as the tail dies away (−360 dBFS, far below any bit depth).</summary>
    private const float AntiDenormal = 1e-18f;

    private sealed class Line(int length)
    {
        public readonly float[] Buffer = new float[length];
        public int Index;
        public float Store; // comb low-pass memory
    }

    private sealed class State
    {
        public required Line[] CombL, CombR, AllpassL, AllpassR;
        public int SampleRate;
    }

    private readonly float _feedback, _damp1, _damp2, _wet1, _wet2, _dry;
    private State? _state;

    public ReverbEffect(double roomSize, double damping, double width, double mix)
    {
        _feedback = (float)(roomSize * ScaleRoom + OffsetRoom);
        _damp1 = (float)(damping * ScaleDamp);
        _damp2 = 1 - _damp1;
        var wet = (float)mix * ScaleWet;
        _wet1 = wet * (float)(width / 2 + 0.5);
        _wet2 = wet * (float)((1 - width) / 2);
        _dry = 1 - (float)mix;
    }

    internal ReverbEffect(EffectParameters p, EffectContext _) : this(p["room_size"], p["damping"], p["width"], p["mix"]) { }

    public string Type => "reverb";

    public int LatencyFrames => 0;

    public void Prepare(int sampleRate, int maxBlockFrames)
    {
        if (_state is not null && _state.SampleRate == sampleRate) return;
        int Scale(int t) => Math.Max(1, (int)Math.Round(t * (double)sampleRate / 44100));
        _state = new State
        {
            SampleRate = sampleRate,
            CombL = [.. CombTunings.Select(t => new Line(Scale(t)))],
            CombR = [.. CombTunings.Select(t => new Line(Scale(t + StereoSpread)))],
            AllpassL = [.. AllpassTunings.Select(t => new Line(Scale(t)))],
            AllpassR = [.. AllpassTunings.Select(t => new Line(Scale(t + StereoSpread)))],
        };
    }

    public bool TryAdoptState(IEffect previous)
    {
        if (previous is not ReverbEffect r || r._state is null) return false;
        _state = r._state;
        return true;
    }

    public void Reset()
    {
        if (_state is null) return;
        foreach (var line in _state.CombL.Concat(_state.CombR).Concat(_state.AllpassL).Concat(_state.AllpassR))
        {
            Array.Clear(line.Buffer);
            line.Index = 0;
            line.Store = 0;
        }
    }

    /// <summary>Audio thread; never allocates.</summary>
    public void Process(Span<float> left, Span<float> right)
    {
        var s = _state!;
        for (var i = 0; i < left.Length; i++)
        {
            var input = (left[i] + right[i]) * FixedGain + AntiDenormal;
            float outL = 0, outR = 0;
            for (var c = 0; c < s.CombL.Length; c++)
            {
                outL += Comb(s.CombL[c], input);
                outR += Comb(s.CombR[c], input);
            }
            for (var a = 0; a < s.AllpassL.Length; a++)
            {
                outL = Allpass(s.AllpassL[a], outL);
                outR = Allpass(s.AllpassR[a], outR);
            }
            var inL = left[i];
            var inR = right[i];
            left[i] = outL * _wet1 + outR * _wet2 + inL * _dry;
            right[i] = outR * _wet1 + outL * _wet2 + inR * _dry;
        }
    }

    private float Comb(Line line, float input)
    {
        var buf = line.Buffer;
        var idx = line.Index;
        var output = buf[idx];
        line.Store = output * _damp2 + line.Store * _damp1;
        buf[idx] = input + line.Store * _feedback;
        line.Index = ++idx == buf.Length ? 0 : idx;
        return output;
    }

    private static float Allpass(Line line, float input)
    {
        var buf = line.Buffer;
        var idx = line.Index;
        var bufOut = buf[idx];
        buf[idx] = input + bufOut * AllpassFeedback;
        line.Index = ++idx == buf.Length ? 0 : idx;
        return bufOut - input;
    }
}
