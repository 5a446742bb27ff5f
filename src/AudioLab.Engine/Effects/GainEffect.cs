using AudioLab.Core.Dsp;

namespace AudioLab.Engine.Effects;

/// <summary>
/// Plain gain. Parameter: <c>gain_db</c> -60..+24 dB (default 0). A changed value glides over one block.
/// </summary>
public sealed class GainEffect : IEffect
{
    private sealed class State
    {
        public float Current = float.NaN;
    }

    private readonly float _gain;
    private State? _state;

    public GainEffect(double gainDb) => _gain = (float)Decibels.ToGain(gainDb);

    internal GainEffect(EffectParameters p, EffectContext _) : this(p["gain_db"]) { }

    public string Type => "gain";

    public int LatencyFrames => 0;

    public void Prepare(int sampleRate, int maxBlockFrames) => _state ??= new State();

    public bool TryAdoptState(IEffect previous)
    {
        if (previous is not GainEffect g || g._state is null) return false;
        _state = g._state;
        return true;
    }

    public void Reset()
    {
        if (_state is not null) _state.Current = float.NaN;
    }

    /// <summary>Audio thread; never allocates.</summary>
    public void Process(Span<float> left, Span<float> right)
    {
        var s = _state!;
        var from = float.IsNaN(s.Current) ? _gain : s.Current;
        GainRamp.Apply(left, from, _gain);
        GainRamp.Apply(right, from, _gain);
        s.Current = _gain;
    }
}
