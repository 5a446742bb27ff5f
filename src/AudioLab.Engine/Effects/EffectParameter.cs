namespace AudioLab.Engine.Effects;

/// <summary>One parameter of an effect type: its name in <c>EffectModel.Parameters</c>, inclusive range, default and unit.</summary>
public sealed record EffectParameter(string Name, double Min, double Max, double Default, string Unit, string Description)
{
    public bool Contains(double value) => double.IsFinite(value) && value >= Min && value <= Max;
}
