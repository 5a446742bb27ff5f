namespace AudioLab.Core.Dsp;

/// <summary>
/// One channel of a biquad filter in transposed direct form II (two state variables, good float behaviour).
/// A mutable struct held in an array by its owner; coefficients can change between blocks without
/// resetting the state, so parameter changes do not click. Never allocates.
/// </summary>
public struct Biquad
{
    private float _b0, _b1, _b2, _a1, _a2;
    private float _z1, _z2;

    public Biquad(BiquadCoefficients c) => SetCoefficients(c);

    public void SetCoefficients(BiquadCoefficients c)
    {
        _b0 = (float)c.B0;
        _b1 = (float)c.B1;
        _b2 = (float)c.B2;
        _a1 = (float)c.A1;
        _a2 = (float)c.A2;
    }

    public void Reset() => _z1 = _z2 = 0;

    /// <summary>Filters <paramref name="samples"/> in place. Audio thread; never allocates.</summary>
    public void Process(Span<float> samples)
    {
        float b0 = _b0, b1 = _b1, b2 = _b2, a1 = _a1, a2 = _a2, z1 = _z1, z2 = _z2;
        for (var i = 0; i < samples.Length; i++)
        {
            var x = samples[i];
            var y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            samples[i] = y;
        }
        // Flush denormals: a decaying tail otherwise slows the CPU by orders of magnitude.
        _z1 = MathF.Abs(z1) < 1e-20f ? 0 : z1;
        _z2 = MathF.Abs(z2) < 1e-20f ? 0 : z2;
    }
}
