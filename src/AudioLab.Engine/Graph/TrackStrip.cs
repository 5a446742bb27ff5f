using AudioLab.Core.Dsp;
using AudioLab.Engine.Effects;
using AudioLab.Engine.Model;

namespace AudioLab.Engine.Graph;

/// <summary>
/// One track: its clips summed into a stereo buffer, the effects chain in order, then volume and constant-power pan
/// (<see cref="PanLaw"/>; a stereo signal is balanced: left × cos θ, right × sin θ), added into the bus.
/// Mute and solo are resolved by the builder into <see cref="IsAudible"/> (muted, or not soloed while another track is,
/// means silent). A silent track still reads its clips and runs its effects so that unmuting mid-playback is
/// seamless; only its output gain glides to 0. Gain changes glide over one block.
/// </summary>
public sealed class TrackStrip
{
    /// <summary>Running state that survives a graph rebuild (adopted by the strip of the same track).</summary>
    internal sealed class State
    {
        public float[] Left = [], Right = [];
        public float GainLeft = float.NaN, GainRight = float.NaN;
    }

    private readonly ClipReader[] _clips;
    private readonly IEffect[] _effects;
    private readonly float _targetLeft, _targetRight;
    private State _state = new();
    private int _frames;

    internal TrackStrip(TrackModel model, ClipReader[] clips, IEffect[] effects, bool audible)
    {
        Model = model;
        _clips = [.. clips.OrderBy(c => c.StartFrame)];
        _effects = effects;
        IsAudible = audible;
        var (panL, panR) = PanLaw.ConstantPower(model.Pan);
        var volume = audible ? Decibels.ToGain(model.VolumeDb) : 0.0;
        _targetLeft = (float)(volume * panL);
        _targetRight = (float)(volume * panR);
    }

    public TrackModel Model { get; }

    public Guid Id => Model.Id;

    /// <summary>False when muted, or when another track is soloed and this one is not.</summary>
    public bool IsAudible { get; }

    public IReadOnlyList<ClipReader> Clips => _clips;

    public IReadOnlyList<IEffect> Effects => _effects;

    /// <summary>Post-effects, pre-fader output of the last <see cref="Render"/>.</summary>
    public ReadOnlySpan<float> OutputLeft => _state.Left.AsSpan(0, _frames);

    /// <inheritdoc cref="OutputLeft"/>
    public ReadOnlySpan<float> OutputRight => _state.Right.AsSpan(0, _frames);

    /// <summary>Linear gains (volume × pan) this strip applies when mixing.</summary>
    public (float Left, float Right) TargetGains => (_targetLeft, _targetRight);

    internal void AdoptState(TrackStrip previous) => _state = previous._state;

    /// <summary>Allocates buffers for this strip, its clips and effects. Control thread.</summary>
    public void Prepare(int sampleRate, int maxBlockFrames)
    {
        // A fresh state object (never a mutation of an adopted one: the old graph may still be playing with it).
        if (_state.Left.Length < maxBlockFrames)
            _state = new State { Left = new float[maxBlockFrames], Right = new float[maxBlockFrames], GainLeft = _state.GainLeft, GainRight = _state.GainRight };
        foreach (var c in _clips) c.Prepare(sampleRate, maxBlockFrames);
        foreach (var e in _effects) e.Prepare(sampleRate, maxBlockFrames);
    }

    /// <summary>
    /// Renders clips and effects for timeline frames [<paramref name="timelineFrame"/>, + <paramref name="frames"/>) into the
    /// strip's own buffers. Independent of every other strip, so an offline render may run strips in parallel.
    /// Audio thread; never allocates.
    /// </summary>
    public void Render(long timelineFrame, int frames)
    {
        _frames = frames;
        RenderInto(timelineFrame, _state.Left.AsSpan(0, frames), _state.Right.AsSpan(0, frames));
    }

    /// <summary>
    /// <see cref="Render"/> into the caller's buffers (<paramref name="left"/>.Length frames, at most MaxBlockFrames) instead
    /// of the strip's own: offline export renders several blocks of a strip ahead into its own memory, then mixes them
    /// with <see cref="MixFrom"/>. Leaves <see cref="OutputLeft"/> untouched. Audio thread; never allocates.
    /// </summary>
    internal void RenderInto(long timelineFrame, Span<float> left, Span<float> right)
    {
        var frames = left.Length;
        left.Clear();
        right.Clear();
        var end = timelineFrame + frames;
        foreach (var clip in _clips)
        {
            if (clip.StartFrame >= end) break;
            if (clip.EndFrame > timelineFrame) clip.Process(timelineFrame, frames, left, right);
        }
        foreach (var effect in _effects) effect.Process(left, right);
    }

    /// <summary>Adds the rendered block times volume and pan into the bus buffers. Audio thread; never allocates.</summary>
    public void MixInto(Span<float> left, Span<float> right) => MixFrom(OutputLeft, OutputRight, left, right);

    /// <summary>
    /// <see cref="MixInto"/> from a block rendered by <see cref="RenderInto"/>: the same gains and glide state, so a
    /// block mixed this way gives the same samples. Audio thread; never allocates.
    /// </summary>
    internal void MixFrom(ReadOnlySpan<float> sourceLeft, ReadOnlySpan<float> sourceRight, Span<float> left, Span<float> right)
    {
        var s = _state;
        var fromL = float.IsNaN(s.GainLeft) ? _targetLeft : s.GainLeft;
        var fromR = float.IsNaN(s.GainRight) ? _targetRight : s.GainRight;
        MixScaled(sourceLeft, left[..sourceLeft.Length], fromL, _targetLeft);
        MixScaled(sourceRight, right[..sourceRight.Length], fromR, _targetRight);
        s.GainLeft = _targetLeft;
        s.GainRight = _targetRight;
    }

    private static void MixScaled(ReadOnlySpan<float> src, Span<float> dst, float from, float to) =>
        GainRamp.MultiplyAdd(src, dst, from, to);

    /// <summary><see cref="Render"/> then <see cref="MixInto"/>. Audio thread; never allocates.</summary>
    public void Process(long timelineFrame, int frames, Span<float> left, Span<float> right)
    {
        Render(timelineFrame, frames);
        MixInto(left, right);
    }

    /// <summary>Clears effect tails and gain glides (fresh offline render).</summary>
    public void Reset()
    {
        _state.GainLeft = _state.GainRight = float.NaN;
        foreach (var e in _effects) e.Reset();
    }
}
