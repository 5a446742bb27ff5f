using AudioLab.Core.Time;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AudioLab.Server.Infrastructure;

/// <summary>Collects field errors of one request; <see cref="Result"/> is the 422 to return when any were found.</summary>
internal sealed class Validator
{
    public const double MinDb = -96;
    public const double MaxVolumeDb = 12;
    public const double MaxGainDb = 24;

    /// <summary>Latest position accepted, in seconds (about 11.5 days): keeps frame arithmetic far from overflow.</summary>
    public const double MaxSeconds = 1_000_000;

    private readonly Dictionary<string, List<string>> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public ProblemHttpResult Result => Problems.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void Range(string field, double? value, double min, double max, string unit)
    {
        if (value is not { } v) return;
        if (!double.IsFinite(v)) Add(field, $"{field} must be a finite number.");
        else if (v < min || v > max) Add(field, $"{field} must be between {min} and {max}{unit}; it was {v}.");
    }

    public void Range(string field, long? value, long min, long max)
    {
        if (value is { } v && (v < min || v > max)) Add(field, $"{field} must be between {min} and {max}; it was {v}.");
    }

    public void Text(string field, string? value, int maxLength, bool required)
    {
        if (value is null)
        {
            if (required) Add(field, $"{field} is required.");
            return;
        }
        if (required && string.IsNullOrWhiteSpace(value)) Add(field, $"{field} must not be empty.");
        else if (value.Length > maxLength) Add(field, $"{field} must be at most {maxLength} characters.");
    }

    /// <summary>
    /// A position given either in seconds (<c>{name}_time</c>) or in frames (<c>{name}_frame</c>), never both.
    /// Returns the frame, or null when neither was given or the value is invalid (an error is recorded then).
    /// </summary>
    public long? Position(string name, double? seconds, long? frame, int sampleRate)
    {
        var timeField = $"{name}_time";
        var frameField = $"{name}_frame";
        if (seconds is not null && frame is not null)
        {
            Add(timeField, $"Give {timeField} or {frameField}, not both.");
            return null;
        }
        if (seconds is { } s)
        {
            if (!double.IsFinite(s)) { Add(timeField, $"{timeField} must be a finite number of seconds."); return null; }
            if (s < 0) { Add(timeField, $"{timeField} must not be negative; it was {s}."); return null; }
            if (s > MaxSeconds) { Add(timeField, $"{timeField} must be at most {MaxSeconds} seconds."); return null; }
            return FrameTime.FromSeconds(s, sampleRate);
        }
        if (frame is { } f)
        {
            if (f < 0) { Add(frameField, $"{frameField} must not be negative; it was {f}."); return null; }
            if (f > MaxSeconds * sampleRate) { Add(frameField, $"{frameField} must be at most {(long)(MaxSeconds * sampleRate)}."); return null; }
            return f;
        }
        return null;
    }
}
