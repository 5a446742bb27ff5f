namespace AudioLab.Core.Dsp;

/// <summary>
/// xoshiro128** (Blackman and Vigna): a small, fast, seedable generator. The same seed gives the same
/// sequence on every machine and run, which is what makes dithered exports byte-identical.
/// A mutable struct: keep it in a field, never copy it by value. Never allocates.
/// </summary>
public struct FastRandom
{
    private uint _s0, _s1, _s2, _s3;

    public FastRandom(ulong seed)
    {
        // SplitMix64 spreads any seed (even 0) over the 128-bit state, which must not be all zero.
        var x = seed;
        var a = SplitMix(ref x);
        var b = SplitMix(ref x);
        _s0 = (uint)a;
        _s1 = (uint)(a >> 32);
        _s2 = (uint)b;
        _s3 = (uint)(b >> 32);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Next 32 random bits.</summary>
    public uint NextUInt()
    {
        var result = uint.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 9;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = uint.RotateLeft(_s3, 11);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 24 bits of resolution (exact in a float).</summary>
    public float NextFloat() => (NextUInt() >> 8) * (1f / 16777216f);
}
