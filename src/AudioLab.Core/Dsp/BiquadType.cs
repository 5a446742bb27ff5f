namespace AudioLab.Core.Dsp;

/// <summary>The filter shapes of the RBJ Audio EQ Cookbook that the EQ uses.</summary>
public enum BiquadType
{
    LowPass,
    HighPass,
    Peaking,
    LowShelf,
    HighShelf,
}
