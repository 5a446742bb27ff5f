namespace AudioLab.Core.Time;

/// <summary>
/// Converts between frames and musical time (quarter notes, ticks) for one project. Today the tempo is
/// constant; callers only ask position questions ("which frame is quarter note q?"), never "how long is
/// a beat?", so a map with tempo changes can replace this class without changing them.
/// </summary>
public sealed class TempoMap
{
    public const int MinSampleRate = 8_000;
    public const int MaxSampleRate = 768_000;

    public TempoMap(Tempo tempo, TimeSignature signature, int sampleRate)
    {
        if (Tempo.Validate(tempo.Bpm) is { } tempoError) throw new ArgumentOutOfRangeException(nameof(tempo), tempoError);
        if (TimeSignature.Validate(signature.Numerator, signature.Denominator) is { } sigError)
            throw new ArgumentOutOfRangeException(nameof(signature), sigError);
        if (sampleRate < MinSampleRate || sampleRate > MaxSampleRate)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), $"Sample rate must be between {MinSampleRate} and {MaxSampleRate} Hz, got {sampleRate}.");
        Tempo = tempo;
        Signature = signature;
        SampleRate = sampleRate;
    }

    public Tempo Tempo { get; }
    public TimeSignature Signature { get; }
    public int SampleRate { get; }

    /// <summary>
    /// Exact (unrounded) frame of the musical position numerator/denominator quarter notes after frame 0.
    /// The integers are multiplied before the single division so that whole results (e.g. 8000 frames for
    /// an eighth-note triplet at 120 BPM, 48 kHz) come out exact and grid ties are decided correctly.
    /// </summary>
    public double FrameAtQuarterNotes(long numerator, long denominator) =>
        (double)numerator * 60.0 * SampleRate / (denominator * Tempo.Bpm);

    /// <summary>Exact (fractional) quarter-note position of a frame.</summary>
    public double QuarterNotesAtFrame(double frame) => frame * Tempo.Bpm / (60.0 * SampleRate);

    /// <summary>Nearest frame to a tick position (ticks at <see cref="MusicalPosition.TicksPerQuarterNote"/>).</summary>
    public long FrameAtTicks(long ticks) => RoundFrame(FrameAtQuarterNotes(ticks, MusicalPosition.TicksPerQuarterNote));

    /// <summary>Nearest tick to a frame; ties go to the later tick.</summary>
    public long TicksAtFrame(long frame) =>
        (long)Math.Floor(QuarterNotesAtFrame(frame) * MusicalPosition.TicksPerQuarterNote + 0.5);

    /// <summary>The one rounding rule from exact positions to frames: nearest, halves away from zero (later).</summary>
    public static long RoundFrame(double exactFrame) => (long)Math.Round(exactFrame, MidpointRounding.AwayFromZero);
}
