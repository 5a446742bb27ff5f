namespace AudioLab.Engine.Effects;

/// <summary>
/// One insert effect of a chain, stereo, processed in place on planar buffers.
/// Lifecycle: created and configured on a control thread from validated parameters (see <see cref="EffectRegistry"/>),
/// optionally <see cref="TryAdoptState"/> of the effect it replaces, then <see cref="Prepare"/>, then
/// <see cref="Process"/> on the audio thread only. Parameters are fixed for an instance's life: a parameter
/// change builds a new instance that adopts the old one's state, so tails and filter memories carry over.
/// </summary>
public interface IEffect
{
    /// <summary>Registry type name, e.g. "eq".</summary>
    string Type { get; }

    /// <summary>Frames of delay this effect adds to its output (the limiter's lookahead; 0 for the others).</summary>
    int LatencyFrames { get; }

    /// <summary>Allocates buffers for <paramref name="sampleRate"/> and blocks up to <paramref name="maxBlockFrames"/>. Control thread.</summary>
    void Prepare(int sampleRate, int maxBlockFrames);

    /// <summary>Processes one block in place; both spans have the same length (at most the prepared maximum). Audio thread; never allocates.</summary>
    void Process(Span<float> left, Span<float> right);

    /// <summary>Clears tails and filter memories (used before an offline render). Not on the audio thread while it runs.</summary>
    void Reset();

    /// <summary>
    /// Takes over the running state (delay lines, envelopes, filter memories) of <paramref name="previous"/>, the effect this one
    /// replaces in a rebuilt graph, when it is compatible (same type, same sizes). Call before <see cref="Prepare"/> on a
    /// control thread; it only copies references, so the old graph may keep playing until the new one is swapped in.
    /// Returns false when nothing could be adopted (then <see cref="Prepare"/> starts from silence).
    /// </summary>
    bool TryAdoptState(IEffect previous);
}
