namespace AudioLab.Engine.Effects;

/// <summary>Validated parameter values of one effect, with defaults filled in for those the model omitted.</summary>
public sealed class EffectParameters
{
    private readonly Dictionary<string, double> _values;

    internal EffectParameters(Dictionary<string, double> values) => _values = values;

    public double this[string name] => _values[name];

    public float Single(string name) => (float)_values[name];
}
