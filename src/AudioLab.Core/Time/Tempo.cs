using System.Globalization;

namespace AudioLab.Core.Time;

/// <summary>
/// A tempo in beats per minute where the beat is always a quarter note, whatever the time signature
/// (the convention of most DAWs: 120 BPM in 6/8 means 120 quarters = 240 eighths per minute).
/// </summary>
public readonly record struct Tempo
{
    public const double MinBpm = 20;
    public const double MaxBpm = 999;

    public static Tempo Default { get; } = new(120);

    public double Bpm { get; }

    public Tempo(double bpm)
    {
        var error = Validate(bpm);
        if (error is not null) throw new ArgumentOutOfRangeException(nameof(bpm), error);
        Bpm = bpm;
    }

    /// <summary>Null when valid, otherwise a message fit for an API error.</summary>
    public static string? Validate(double bpm) =>
        double.IsFinite(bpm) && bpm >= MinBpm && bpm <= MaxBpm
            ? null
            : $"Tempo must be a number of beats per minute between {MinBpm} and {MaxBpm}, got {bpm.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>Frames in one quarter note; fractional at most tempos, so callers round only their final result.</summary>
    public double FramesPerQuarterNote(int sampleRate) => sampleRate * 60.0 / Bpm;

    public override string ToString() => Bpm.ToString(CultureInfo.InvariantCulture) + " BPM";
}
