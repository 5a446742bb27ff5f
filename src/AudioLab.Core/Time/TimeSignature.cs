using System.Globalization;

namespace AudioLab.Core.Time;

/// <summary>
/// A time signature such as 4/4, 6/8 or 7/8. The denominator names the note value that counts as one
/// beat (an eighth in 6/8), which is how <see cref="MusicalPosition"/> counts beats.
/// </summary>
public readonly record struct TimeSignature
{
    public const int MaxNumerator = 64;
    public const int MaxDenominator = 64;

    public static TimeSignature FourFour { get; } = new(4, 4);

    public int Numerator { get; }

    /// <summary>A power of two from 1 (whole note) to 64.</summary>
    public int Denominator { get; }

    public TimeSignature(int numerator, int denominator)
    {
        var error = Validate(numerator, denominator);
        if (error is not null) throw new ArgumentOutOfRangeException(nameof(numerator), error);
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>Length of one beat (the denominator's note) in quarter notes, as the fraction 4/denominator.</summary>
    public double BeatInQuarterNotes => 4.0 / Denominator;

    /// <summary>Ticks in one beat at <see cref="MusicalPosition.TicksPerQuarterNote"/>; always an integer because the denominator is at most 64.</summary>
    public int TicksPerBeat => MusicalPosition.TicksPerQuarterNote * 4 / Denominator;

    public long TicksPerBar => (long)TicksPerBeat * Numerator;

    /// <summary>Null when valid, otherwise a message fit for an API error.</summary>
    public static string? Validate(int numerator, int denominator)
    {
        if (numerator < 1 || numerator > MaxNumerator)
            return $"Time signature numerator must be between 1 and {MaxNumerator}, got {numerator}.";
        if (denominator < 1 || denominator > MaxDenominator || (denominator & (denominator - 1)) != 0)
            return $"Time signature denominator must be a power of two from 1 to {MaxDenominator} (1, 2, 4, 8, 16, 32, 64), got {denominator}.";
        return null;
    }

    public static bool TryParse(string? text, out TimeSignature signature, out string? error)
    {
        signature = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Time signature is empty; expected a form like \"4/4\", \"6/8\" or \"7/8\".";
            return false;
        }
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            || !int.TryParse(text.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var denominator))
        {
            error = $"Time signature \"{text}\" is not of the form \"4/4\", \"6/8\" or \"7/8\".";
            return false;
        }
        error = Validate(numerator, denominator);
        if (error is not null) return false;
        signature = new TimeSignature(numerator, denominator);
        return true;
    }

    /// <exception cref="FormatException">The text is not a valid signature; the message says why.</exception>
    public static TimeSignature Parse(string? text) =>
        TryParse(text, out var signature, out var error) ? signature : throw new FormatException(error);

    public override string ToString() => $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
