using System.Globalization;
using System.Text.Json;

namespace AudioLab.Core.Time;

/// <summary>
/// The one parser for every position the API accepts: a number (seconds, or frames when the field is a
/// frame field), or a "bars:beats:ticks" / "bars:beats" string. Returns a frame at the project rate.
/// Errors come back as messages meant for a 422 ProblemDetails, never as half-parsed values.
/// </summary>
public static class PositionParser
{
    /// <summary>Largest accepted frame: 2^50 (about 745 years at 48 kHz), far inside the range where doubles hold whole frames exactly.</summary>
    public const long MaxFrame = 1L << 50;

    public static bool TryFromSeconds(double seconds, int sampleRate, out long frame, out string? error)
    {
        frame = 0;
        if (!double.IsFinite(seconds))
        {
            error = "Position must be a finite number of seconds, not NaN or infinity.";
            return false;
        }
        if (seconds < 0)
        {
            error = $"Position cannot be negative, got {seconds.ToString(CultureInfo.InvariantCulture)} s.";
            return false;
        }
        var exact = seconds * sampleRate;
        if (exact > MaxFrame)
        {
            error = $"Position {seconds.ToString(CultureInfo.InvariantCulture)} s is beyond the end of any project.";
            return false;
        }
        frame = FrameTime.FromSeconds(seconds, sampleRate);
        error = null;
        return true;
    }

    public static bool TryFromFrames(long frames, out long frame, out string? error)
    {
        frame = 0;
        if (frames < 0)
        {
            error = $"Frame position cannot be negative, got {frames}.";
            return false;
        }
        if (frames > MaxFrame)
        {
            error = $"Frame position {frames} is beyond the end of any project.";
            return false;
        }
        frame = frames;
        error = null;
        return true;
    }

    /// <summary>A frame number given as a double (JSON numbers, query strings): must be whole.</summary>
    public static bool TryFromFrames(double frames, out long frame, out string? error)
    {
        frame = 0;
        if (!double.IsFinite(frames))
        {
            error = "Frame position must be a finite whole number, not NaN or infinity.";
            return false;
        }
        if (frames != Math.Floor(frames))
        {
            error = $"Frame position must be a whole number, got {frames.ToString(CultureInfo.InvariantCulture)}.";
            return false;
        }
        if (frames < 0 || frames > MaxFrame) return TryFromFrames(frames < 0 ? -1L : long.MaxValue, out frame, out error);
        return TryFromFrames((long)frames, out frame, out error);
    }

    public static bool TryFromMusical(MusicalPosition position, TempoMap map, out long frame, out string? error)
    {
        ArgumentNullException.ThrowIfNull(map);
        frame = 0;
        error = position.ValidateFor(map.Signature);
        if (error is not null) return false;
        var result = position.ToFrame(map);
        if (result > MaxFrame)
        {
            error = $"Position {position} is beyond the end of any project.";
            return false;
        }
        frame = result;
        return true;
    }

    /// <summary>Text from a query string or JSON string: a number in <paramref name="numberUnit"/>, or bars:beats[:ticks].</summary>
    public static bool TryParse(string? text, PositionUnit numberUnit, TempoMap map, out long frame, out string? error)
    {
        ArgumentNullException.ThrowIfNull(map);
        frame = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Position is empty; expected seconds (such as 12.5) or bars:beats:ticks (such as \"5:3:480\").";
            return false;
        }
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (!MusicalPosition.TryParse(text, out var musical, out error)) return false;
            return TryFromMusical(musical, map, out frame, out error);
        }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            error = numberUnit == PositionUnit.Frames
                ? $"Position \"{text}\" is neither a frame number nor bars:beats:ticks (such as \"5:3:480\")."
                : $"Position \"{text}\" is neither a number of seconds nor bars:beats:ticks (such as \"5:3:480\").";
            return false;
        }
        return numberUnit == PositionUnit.Frames
            ? TryFromFrames(number, out frame, out error)
            : TryFromSeconds(number, map.SampleRate, out frame, out error);
    }

    /// <summary>A JSON body field: a number in <paramref name="numberUnit"/>, or a string as in <see cref="TryParse(string?, PositionUnit, TempoMap, out long, out string?)"/>.</summary>
    public static bool TryParse(JsonElement value, PositionUnit numberUnit, TempoMap map, out long frame, out string? error)
    {
        ArgumentNullException.ThrowIfNull(map);
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when numberUnit == PositionUnit.Frames:
                if (value.TryGetInt64(out var whole)) return TryFromFrames(whole, out frame, out error);
                return TryFromFrames(value.TryGetDouble(out var frames) ? frames : double.PositiveInfinity, out frame, out error);
            case JsonValueKind.Number:
                return TryFromSeconds(value.TryGetDouble(out var seconds) ? seconds : double.PositiveInfinity, map.SampleRate, out frame, out error);
            case JsonValueKind.String:
                return TryParse(value.GetString(), numberUnit, map, out frame, out error);
            default:
                frame = 0;
                error = $"Position must be a number or a \"bars:beats:ticks\" string, got JSON {value.ValueKind.ToString().ToLowerInvariant()}.";
                return false;
        }
    }

    /// <exception cref="FormatException">The text is not a valid position; the message says why.</exception>
    public static long Parse(string? text, PositionUnit numberUnit, TempoMap map) =>
        TryParse(text, numberUnit, map, out var frame, out var error) ? frame : throw new FormatException(error);
}
