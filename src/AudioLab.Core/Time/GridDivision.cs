using System.Globalization;

namespace AudioLab.Core.Time;

/// <summary>
/// A grid note value: "1/1" .. "1/64", triplets "1/8t" (or "1/8T"), dotted "1/4." (or "1/4d"). Its length
/// is kept as an exact fraction of a quarter note; frames are derived only when snapping.
/// </summary>
public readonly record struct GridDivision
{
    public GridDivision(int denominator, GridFeel feel = GridFeel.Straight)
    {
        if (denominator < 1 || denominator > 64 || (denominator & (denominator - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(denominator), $"Grid note value must be 1/1, 1/2, 1/4, 1/8, 1/16, 1/32 or 1/64, got 1/{denominator}.");
        if (!Enum.IsDefined(feel)) throw new ArgumentOutOfRangeException(nameof(feel));
        Denominator = denominator;
        Feel = feel;
    }

    /// <summary>1 for a whole note, 4 for a quarter, ... 64.</summary>
    public int Denominator { get; }
    public GridFeel Feel { get; }

    /// <summary>Numerator of the length in quarter notes (a reduced-enough fraction; exact).</summary>
    public long QuarterNotesNumerator => Feel switch
    {
        GridFeel.Triplet => 8,   // 4/d * 2/3
        GridFeel.Dotted => 6,    // 4/d * 3/2
        _ => 4,
    };

    /// <summary>Denominator of the length in quarter notes.</summary>
    public long QuarterNotesDenominator => Feel == GridFeel.Triplet ? 3L * Denominator : Denominator;

    /// <summary>Length of one grid step in frames, exact (usually fractional); round only a final snapped position.</summary>
    public double LengthInFrames(Tempo tempo, int sampleRate) =>
        (double)QuarterNotesNumerator * 60.0 * sampleRate / (QuarterNotesDenominator * tempo.Bpm);

    public static bool TryParse(string? text, out GridDivision division, out string? error)
    {
        division = default;
        const string Expected = "expected 1/1, 1/2, 1/4, 1/8, 1/16, 1/32 or 1/64, optionally followed by t (triplet) or . or d (dotted), such as \"1/16\", \"1/8t\", \"1/4.\"";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"Grid division is empty; {Expected}.";
            return false;
        }
        var span = text.AsSpan().Trim();
        var feel = GridFeel.Straight;
        var last = span[^1];
        if (last is 't' or 'T') feel = GridFeel.Triplet;
        else if (last is '.' or 'd' or 'D') feel = GridFeel.Dotted;
        if (feel != GridFeel.Straight) span = span[..^1];
        if (!span.StartsWith("1/", StringComparison.Ordinal)
            || !int.TryParse(span[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            || denominator < 1 || denominator > 64 || (denominator & (denominator - 1)) != 0)
        {
            error = $"Unknown grid division \"{text}\"; {Expected}.";
            return false;
        }
        division = new GridDivision(denominator, feel);
        error = null;
        return true;
    }

    /// <exception cref="FormatException">Unknown division; the message lists the accepted ones.</exception>
    public static GridDivision Parse(string? text) =>
        TryParse(text, out var division, out var error) ? division : throw new FormatException(error);

    /// <summary>Canonical text: "1/16", "1/8t", "1/4d".</summary>
    public override string ToString() => "1/" + Denominator.ToString(CultureInfo.InvariantCulture) + Feel switch
    {
        GridFeel.Triplet => "t",
        GridFeel.Dotted => "d",
        _ => "",
    };
}
