using AudioLab.Core.Dsp;

namespace AudioLab.Engine.Effects;

/// <summary>One active band of the parametric EQ.</summary>
public readonly record struct EqBand(BiquadType Shape, double FrequencyHz, double GainDb, double Q);
