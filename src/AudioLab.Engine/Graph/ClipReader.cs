using System.Numerics.Tensors;
using AudioLab.Core.Dsp;
using AudioLab.Engine.Model;
using AudioLab.Engine.Streaming;

namespace AudioLab.Engine.Graph;

/// <summary>
/// Plays one clip: the frames of its <see cref="ClipStream"/> that fall inside the block, placed at their exact timeline
/// frame (any frame, odd or not, mid-block or not), times clip gain and the <see cref="FadeCurve"/> fades, added into the
/// track's buffers. A mono file plays on both channels at the same level.
/// </summary>
public sealed class ClipReader
{
    private readonly float _gain;
    private float[] _left = [], _right = [];

    public ClipReader(ClipModel clip, ClipStream stream)
    {
        Clip = clip;
        Stream = stream;
        _gain = (float)Decibels.ToGain(clip.GainDb);
    }

    public ClipModel Clip { get; }

    /// <summary>The ring the disk butler fills for this clip.</summary>
    public ClipStream Stream { get; }

    public long StartFrame => Clip.StartFrame;

    public long EndFrame => Clip.StartFrame + Clip.LengthFrames;

    /// <summary>Allocates the block scratch. Control thread.</summary>
    public void Prepare(int sampleRate, int maxBlockFrames)
    {
        _left = new float[maxBlockFrames];
        _right = new float[maxBlockFrames];
    }

    /// <summary>
    /// Adds the clip's sound for timeline frames [<paramref name="timelineFrame"/>, + <paramref name="frames"/>) into the
    /// buffers (index 0 = <paramref name="timelineFrame"/>). Audio thread; never allocates.
    /// </summary>
    public void Process(long timelineFrame, int frames, Span<float> left, Span<float> right)
    {
        var from = Math.Max(timelineFrame, StartFrame);
        var to = Math.Min(timelineFrame + frames, EndFrame);
        if (from >= to) return;
        var offset = (int)(from - timelineFrame);
        var n = (int)(to - from);
        var local = from - StartFrame;
        var l = _left.AsSpan(0, n);
        var r = _right.AsSpan(0, n);
        Stream.Read(local, l, r);
        ApplyFades(local, l, r);
        TensorPrimitives.MultiplyAdd(l, _gain, left.Slice(offset, n), left.Slice(offset, n));
        TensorPrimitives.MultiplyAdd(r, _gain, right.Slice(offset, n), right.Slice(offset, n));
    }

    private void ApplyFades(long local, Span<float> l, Span<float> r)
    {
        var fadeIn = Clip.FadeInFrames;
        if (fadeIn > 0 && local < fadeIn)
        {
            var count = (int)Math.Min(l.Length, fadeIn - local);
            for (var i = 0; i < count; i++)
            {
                var g = (float)FadeCurve.Gain(local + i, fadeIn);
                l[i] *= g;
                r[i] *= g;
            }
        }
        var fadeOut = Clip.FadeOutFrames;
        var fadeOutStart = Clip.LengthFrames - fadeOut;
        if (fadeOut > 0 && local + l.Length > fadeOutStart)
        {
            var first = (int)Math.Max(0, fadeOutStart - local);
            for (var i = first; i < l.Length; i++)
            {
                var remaining = Clip.LengthFrames - 1 - (local + i);
                var g = (float)FadeCurve.Gain(remaining, fadeOut);
                l[i] *= g;
                r[i] *= g;
            }
        }
    }
}
