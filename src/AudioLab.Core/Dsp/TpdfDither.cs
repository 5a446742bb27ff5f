namespace AudioLab.Core.Dsp;

/// <summary>
/// Triangular-PDF dither: the difference of two uniform variables spans ±1 LSB with a triangle-shaped
/// density, which makes the quantization error's mean and variance independent of the signal
/// (no distortion, no noise modulation). Added just before rounding to the target bit depth.
/// Deterministic for a given seed. A mutable struct: keep it in a field. Never allocates.
/// </summary>
public struct TpdfDither
{
    private FastRandom _random;
    private readonly float _lsb;

    /// <param name="bits">Target integer bit depth (e.g. 16 or 24).</param>
    /// <param name="seed">Same seed, same noise: re-exports are byte-identical.</param>
    public TpdfDither(int bits, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 32);
        _random = new FastRandom(seed);
        _lsb = (float)Math.ScaleB(1.0, -(bits - 1));
    }

    /// <summary>One LSB of the target format, in full-scale units.</summary>
    public readonly float Lsb => _lsb;

    /// <summary>Next dither value in (-1, 1) LSB, already scaled to full-scale units.</summary>
    public float Next() => (_random.NextFloat() - _random.NextFloat()) * _lsb;

    /// <summary>Adds dither to every sample in place. Never allocates.</summary>
    public void Apply(Span<float> samples)
    {
        for (var i = 0; i < samples.Length; i++) samples[i] += Next();
    }
}
