namespace AudioLab.Server.Contracts;

/// <summary>One entry of the effect catalogue (<c>GET /api/effects</c>).</summary>
public sealed record EffectTypeResponse(string Type, string Description, IReadOnlyList<EffectParameterResponse> Parameters);
