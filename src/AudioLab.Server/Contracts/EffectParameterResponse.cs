namespace AudioLab.Server.Contracts;

/// <summary>A parameter of an effect type: inclusive range, the value used when a chain leaves it out, and its unit.</summary>
public sealed record EffectParameterResponse(string Name, double Min, double Max, double Default, string Unit, string Description);
