using System.Numerics.Tensors;
using AudioLab.Engine.Effects;

namespace AudioLab.Engine.Graph;

/// <summary>
/// Sums the track strips in track order (a fixed order, so the float result is the same every run and in every mode),
/// runs the master chain (e.g. the limiter) and adds the result into the output.
/// </summary>
public sealed class MasterBus
{
    private readonly IEffect[] _effects;
    private float[] _left = [], _right = [];

    internal MasterBus(IEffect[] effects) => _effects = effects;

    public IReadOnlyList<IEffect> Effects => _effects;

    /// <summary>Frames of delay the master chain adds (sum of its effects' latencies).</summary>
    public int LatencyFrames => _effects.Sum(e => e.LatencyFrames);

    /// <summary>Allocates the bus buffers and prepares the chain. Control thread.</summary>
    public void Prepare(int sampleRate, int maxBlockFrames)
    {
        _left = new float[maxBlockFrames];
        _right = new float[maxBlockFrames];
        foreach (var e in _effects) e.Prepare(sampleRate, maxBlockFrames);
    }

    /// <summary>Takes over the master chain's running state from the graph this one replaces. Control thread.</summary>
    internal void AdoptState(MasterBus previous)
    {
        for (var i = 0; i < _effects.Length && i < previous._effects.Length; i++)
            if (_effects[i].Type == previous._effects[i].Type) _effects[i].TryAdoptState(previous._effects[i]);
    }

    /// <summary>
    /// Mixes already rendered <paramref name="tracks"/> (see <see cref="TrackStrip.Render"/>), runs the chain and adds the
    /// result into the output. Audio thread; never allocates.
    /// </summary>
    public void MixAndProcess(IReadOnlyList<TrackStrip> tracks, int frames, Span<float> left, Span<float> right)
    {
        var l = _left.AsSpan(0, frames);
        var r = _right.AsSpan(0, frames);
        l.Clear();
        r.Clear();
        for (var i = 0; i < tracks.Count; i++) tracks[i].MixInto(l, r);
        ProcessAndAdd(l, r, left, right);
    }

    /// <summary>
    /// <see cref="MixAndProcess(IReadOnlyList{TrackStrip}, int, Span{float}, Span{float})"/> for strips rendered ahead with
    /// <see cref="TrackStrip.RenderInto"/>: track i's block is frames [<paramref name="offset"/>, + <paramref name="frames"/>)
    /// of <paramref name="renderedLeft"/>[i] / <paramref name="renderedRight"/>[i]. Same order, same samples. Never allocates.
    /// </summary>
    internal void MixAndProcess(IReadOnlyList<TrackStrip> tracks, float[][] renderedLeft, float[][] renderedRight, int offset, int frames,
        Span<float> left, Span<float> right)
    {
        var l = _left.AsSpan(0, frames);
        var r = _right.AsSpan(0, frames);
        l.Clear();
        r.Clear();
        for (var i = 0; i < tracks.Count; i++)
            tracks[i].MixFrom(renderedLeft[i].AsSpan(offset, frames), renderedRight[i].AsSpan(offset, frames), l, r);
        ProcessAndAdd(l, r, left, right);
    }

    private void ProcessAndAdd(Span<float> l, Span<float> r, Span<float> left, Span<float> right)
    {
        var frames = l.Length;
        foreach (var e in _effects) e.Process(l, r);
        TensorPrimitives.Add(l, left[..frames], left[..frames]);
        TensorPrimitives.Add(r, right[..frames], right[..frames]);
    }

    public void Reset()
    {
        foreach (var e in _effects) e.Reset();
    }
}
