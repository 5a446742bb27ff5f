namespace AudioLab.Engine.Effects;

/// <summary>Thrown when an effect chain does not validate; <see cref="Errors"/> holds every problem found, not just the first.</summary>
public sealed class EffectValidationException : Exception
{
    public IReadOnlyList<EffectParameterError> Errors { get; }

    public EffectValidationException(IReadOnlyList<EffectParameterError> errors)
        : base("Invalid effect chain: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")))
        => Errors = errors;

    public EffectValidationException() : this([]) { }

    public EffectValidationException(string message) : base(message) => Errors = [];

    public EffectValidationException(string message, Exception innerException) : base(message, innerException) => Errors = [];
}
