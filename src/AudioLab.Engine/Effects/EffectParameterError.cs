namespace AudioLab.Engine.Effects;

/// <summary>
/// One validation failure. <see cref="Path"/> names the offending field the way the API shows it
/// (e.g. <c>effects[1].parameters.ratio</c>, <c>effects[0].type</c>) so it can go straight into a 422 ProblemDetails.
/// </summary>
public sealed record EffectParameterError(string Path, string Message);
