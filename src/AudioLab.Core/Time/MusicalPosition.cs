using System.Globalization;

namespace AudioLab.Core.Time;

/// <summary>
/// A position as bars:beats:ticks, 1-based bars and beats like every DAW ("1:1:0" is frame 0). A beat is the
/// time signature's denominator note (an eighth in 6/8), and ticks count within the beat at
/// <see cref="TicksPerQuarterNote"/> = 960 PPQN, so a beat has 960 ticks in x/4, 480 in x/8, 1920 in x/2.
/// </summary>
public readonly record struct MusicalPosition
{
    /// <summary>Pulses per quarter note: 960 is divisible by 2, 3, 4, 5, 8, 16 and 64ths-triplets, and common in DAWs.</summary>
    public const int TicksPerQuarterNote = 960;

    public int Bar { get; }
    public int Beat { get; }
    public int Tick { get; }

    public MusicalPosition(int bar, int beat, int tick)
    {
        if (bar < 1) throw new ArgumentOutOfRangeException(nameof(bar), $"Bar numbers start at 1, got {bar}.");
        if (beat < 1) throw new ArgumentOutOfRangeException(nameof(beat), $"Beat numbers start at 1, got {beat}.");
        if (tick < 0) throw new ArgumentOutOfRangeException(nameof(tick), $"Ticks cannot be negative, got {tick}.");
        Bar = bar;
        Beat = beat;
        Tick = tick;
    }

    /// <summary>Null when the beat and tick exist in the signature, otherwise a message fit for an API error.</summary>
    public string? ValidateFor(TimeSignature signature)
    {
        if (Beat > signature.Numerator)
            return $"Position {this} has beat {Beat}, but a bar of {signature} has beats 1 to {signature.Numerator}.";
        if (Tick >= signature.TicksPerBeat)
            return $"Position {this} has tick {Tick}, but a beat in {signature} has ticks 0 to {signature.TicksPerBeat - 1} ({TicksPerQuarterNote} per quarter note).";
        return null;
    }

    /// <summary>Ticks since 1:1:0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The beat or tick does not exist in this signature.</exception>
    public long ToTicks(TimeSignature signature)
    {
        if (ValidateFor(signature) is { } error) throw new ArgumentOutOfRangeException(nameof(signature), error);
        return (Bar - 1L) * signature.TicksPerBar + (Beat - 1L) * signature.TicksPerBeat + Tick;
    }

    public static MusicalPosition FromTicks(long ticks, TimeSignature signature)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        var bar = ticks / signature.TicksPerBar;
        var inBar = ticks % signature.TicksPerBar;
        if (bar >= int.MaxValue) throw new ArgumentOutOfRangeException(nameof(ticks), "Position is beyond the last representable bar.");
        return new MusicalPosition((int)bar + 1, (int)(inBar / signature.TicksPerBeat) + 1, (int)(inBar % signature.TicksPerBeat));
    }

    /// <summary>Nearest frame (frame 0 is 1:1:0).</summary>
    public long ToFrame(TempoMap map) => map.FrameAtTicks(ToTicks(map.Signature));

    /// <summary>Nearest tick to the frame. Round trips position -> frame -> position whenever a tick lasts at least one frame.</summary>
    public static MusicalPosition FromFrame(long frame, TempoMap map)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        return FromTicks(map.TicksAtFrame(frame), map.Signature);
    }

    /// <summary>Accepts "bars:beats:ticks" or "bars:beats" (ticks 0); whitespace around parts is allowed.</summary>
    public static bool TryParse(string? text, out MusicalPosition position, out string? error)
    {
        position = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Position is empty; expected bars:beats:ticks such as \"5:3:480\".";
            return false;
        }
        var span = text.AsSpan().Trim();
        Span<Range> parts = stackalloc Range[4];
        var count = span.Split(parts, ':');
        if (count is < 2 or > 3)
        {
            error = $"Position \"{text}\" is not bars:beats:ticks (such as \"5:3:480\") or bars:beats (such as \"5:3\").";
            return false;
        }
        Span<int> values = stackalloc int[3];
        values[2] = 0;
        for (var i = 0; i < count; i++)
        {
            if (!int.TryParse(span[parts[i]].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                error = $"Position \"{text}\": \"{span[parts[i]].Trim().ToString()}\" is not a whole number; expected bars:beats:ticks such as \"5:3:480\".";
                return false;
            }
        }
        if (values[0] < 1 || values[1] < 1)
        {
            error = $"Position \"{text}\": bars and beats start at 1 (\"1:1:0\" is the start of the project).";
            return false;
        }
        position = new MusicalPosition(values[0], values[1], values[2]);
        error = null;
        return true;
    }

    /// <exception cref="FormatException">The text is not bars:beats[:ticks]; the message says why.</exception>
    public static MusicalPosition Parse(string? text) =>
        TryParse(text, out var position, out var error) ? position : throw new FormatException(error);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Bar}:{Beat}:{Tick}");
}
