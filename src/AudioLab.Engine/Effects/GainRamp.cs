using System.Numerics.Tensors;

namespace AudioLab.Engine.Effects;

/// <summary>
/// Applies a gain that glides linearly from the last applied value to a new target within one block,
/// so a volume change heard mid-playback never clicks. Shared by the gain effect and the track strip. Never allocates.
/// </summary>
internal static class GainRamp
{
    /// <summary>Multiplies <paramref name="samples"/> in place, ramping from <paramref name="from"/> to <paramref name="to"/>. Audio thread.</summary>
    public static void Apply(Span<float> samples, float from, float to)
    {
        if (from == to)
        {
            if (to != 1f) TensorPrimitives.Multiply(samples, to, samples);
            return;
        }
        var step = (to - from) / samples.Length;
        var g = from;
        for (var i = 0; i < samples.Length; i++)
        {
            g += step;
            samples[i] *= g;
        }
    }

    /// <summary>destination += source × gain, ramping the gain like <see cref="Apply"/>. Audio thread.</summary>
    public static void MultiplyAdd(ReadOnlySpan<float> source, Span<float> destination, float from, float to)
    {
        if (from == to)
        {
            if (to != 0f) TensorPrimitives.MultiplyAdd(source, to, destination, destination);
            return;
        }
        var step = (to - from) / source.Length;
        var g = from;
        for (var i = 0; i < source.Length; i++)
        {
            g += step;
            destination[i] += source[i] * g;
        }
    }
}
