namespace AudioLab.Engine.Effects;

/// <summary>An effect type the registry knows: name, what it does, its parameters and how to create it.</summary>
public sealed record EffectDescriptor(
    string Type,
    string Description,
    IReadOnlyList<EffectParameter> Parameters,
    Func<EffectParameters, EffectContext, IEffect> Factory)
{
    public EffectParameter? Find(string name)
    {
        foreach (var p in Parameters)
            if (p.Name == name) return p;
        return null;
    }
}
