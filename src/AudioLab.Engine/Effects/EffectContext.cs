namespace AudioLab.Engine.Effects;

/// <summary>Project facts an effect may need when it is created: the sample rate and tempo (for tempo-synced delay).</summary>
/// <param name="Tempo">Quarter notes per minute.</param>
public sealed record EffectContext(int SampleRate, double Tempo);
