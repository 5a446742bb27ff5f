using System.Globalization;
using AudioLab.Engine.Model;

namespace AudioLab.Engine.Effects;

/// <summary>
/// The effect types AudioLab knows, their parameters with ranges and defaults, validation that reports every
/// bad field (for a 422), and creation of <see cref="IEffect"/> instances from <see cref="EffectModel"/>s.
/// Thread-safe: immutable after construction. Parameters a model omits take their defaults.
/// </summary>
public sealed class EffectRegistry
{
    private readonly Dictionary<string, EffectDescriptor> _byType;

    public static EffectRegistry Default { get; } = new(BuiltIn());

    public EffectRegistry(IEnumerable<EffectDescriptor> descriptors) =>
        _byType = descriptors.ToDictionary(d => d.Type, StringComparer.Ordinal);

    /// <summary>All known types, sorted by name.</summary>
    public IReadOnlyList<EffectDescriptor> Descriptors => [.. _byType.Values.OrderBy(d => d.Type, StringComparer.Ordinal)];

    public bool TryGet(string type, out EffectDescriptor descriptor) => _byType.TryGetValue(type, out descriptor!);

    /// <summary>Validates one effect; <paramref name="path"/> prefixes every error path (e.g. "effects[2]").</summary>
    public IReadOnlyList<EffectParameterError> Validate(EffectModel effect, string path = "effect")
    {
        var errors = new List<EffectParameterError>();
        Validate(effect, path, errors);
        return errors;
    }

    /// <summary>Validates a whole chain; errors are named <c>{prefix}[i].type</c> or <c>{prefix}[i].parameters.{name}</c>.</summary>
    public IReadOnlyList<EffectParameterError> ValidateChain(IReadOnlyList<EffectModel> chain, string prefix = "effects")
    {
        var errors = new List<EffectParameterError>();
        for (var i = 0; i < chain.Count; i++) Validate(chain[i], string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i}]"), errors);
        return errors;
    }

    private void Validate(EffectModel effect, string path, List<EffectParameterError> errors)
    {
        if (effect is null)
        {
            errors.Add(new(path, "An effect is required."));
            return;
        }
        if (string.IsNullOrEmpty(effect.Type) || !_byType.TryGetValue(effect.Type, out var d))
        {
            errors.Add(new($"{path}.type",
                $"Unknown effect type '{effect.Type}'. Known types: {string.Join(", ", _byType.Keys.Order(StringComparer.Ordinal))}."));
            return;
        }
        foreach (var (name, value) in effect.Parameters ?? new Dictionary<string, double>())
        {
            var p = d.Find(name);
            if (p is null)
                errors.Add(new($"{path}.parameters.{name}",
                    $"'{d.Type}' has no parameter '{name}'. Its parameters: {string.Join(", ", d.Parameters.Select(x => x.Name))}."));
            else if (!p.Contains(value))
                errors.Add(new($"{path}.parameters.{name}",
                    string.Create(CultureInfo.InvariantCulture, $"{value} is outside {p.Min}..{p.Max} {p.Unit}.").Replace(" .", ".", StringComparison.Ordinal)));
        }
    }

    /// <summary>Creates (but does not prepare) an effect. Throws <see cref="EffectValidationException"/> if it does not validate.</summary>
    public IEffect Create(EffectModel effect, EffectContext context)
    {
        var errors = Validate(effect);
        if (errors.Count > 0) throw new EffectValidationException(errors);
        var d = _byType[effect.Type];
        var values = d.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        foreach (var (name, value) in effect.Parameters ?? new Dictionary<string, double>()) values[name] = value;
        return d.Factory(new EffectParameters(values), context);
    }

    private static EffectParameter P(string name, double min, double max, double def, string unit, string description) =>
        new(name, min, max, def, unit, description);

    private static IEnumerable<EffectDescriptor> BuiltIn()
    {
        yield return new("gain", "Plain gain.", [P("gain_db", -60, 24, 0, "dB", "Gain added to the signal.")],
            (p, c) => new GainEffect(p, c));

        var eq = new List<EffectParameter>
        {
            P("low_cut_hz", 0, 20000, 0, "Hz", "12 dB/octave high-pass (Butterworth Q); 0 = off."),
            P("low_shelf_hz", 20, 20000, 100, "Hz", "Low shelf corner frequency."),
            P("low_shelf_gain_db", -24, 24, 0, "dB", "Low shelf gain; 0 = band off."),
        };
        for (var i = 1; i <= 3; i++)
        {
            var def = i switch { 1 => 250.0, 2 => 1000.0, _ => 4000.0 };
            eq.Add(P($"peak{i}_hz", 20, 20000, def, "Hz", $"Peaking band {i} centre frequency."));
            eq.Add(P($"peak{i}_gain_db", -24, 24, 0, "dB", $"Peaking band {i} gain at the centre; 0 = band off."));
            eq.Add(P($"peak{i}_q", 0.1, 18, 1, "", $"Peaking band {i} quality factor (higher = narrower)."));
        }
        eq.Add(P("high_shelf_hz", 20, 20000, 8000, "Hz", "High shelf corner frequency."));
        eq.Add(P("high_shelf_gain_db", -24, 24, 0, "dB", "High shelf gain; 0 = band off."));
        eq.Add(P("high_cut_hz", 0, 20000, 0, "Hz", "12 dB/octave low-pass (Butterworth Q); 0 = off."));
        yield return new("eq", "Parametric EQ: low cut, low shelf, three peaking bands, high shelf, high cut (RBJ biquads).", eq,
            (p, c) => new EqEffect(p, c));

        yield return new("compressor", "Feed-forward stereo-linked compressor with soft knee.",
        [
            P("threshold_db", -60, 0, -18, "dBFS", "Level above which gain is reduced."),
            P("ratio", 1, 20, 4, ":1", "Input dB per output dB above the threshold."),
            P("attack_ms", 0.01, 500, 10, "ms", "Time constant while gain reduction grows."),
            P("release_ms", 1, 5000, 100, "ms", "Time constant while gain reduction falls."),
            P("makeup_db", 0, 36, 0, "dB", "Gain added after compression."),
            P("knee_db", 0, 24, 6, "dB", "Width of the soft knee centred on the threshold; 0 = hard knee."),
        ], (p, c) => new CompressorEffect(p, c));

        yield return new("delay", "Feedback delay with optional tempo sync.",
        [
            P("time_ms", 1, 4000, 250, "ms", "Delay time when note is 0."),
            P("note", 0, 1, 0, "whole notes", "Tempo-synced delay as a note value (0.25 = quarter, 0.1875 = dotted eighth); 0 = use time_ms."),
            P("feedback", 0, 0.95, 0.35, "", "Part of the echo fed back into the line."),
            P("mix", 0, 1, 0.3, "", "Wet share: 0 = dry only, 1 = echoes only."),
        ], (p, c) => new DelayEffect(p, c));

        yield return new("reverb", "Freeverb: 8 damped combs and 4 all-passes per channel.",
        [
            P("room_size", 0, 1, 0.5, "", "Comb feedback 0.7..0.98: larger = longer tail."),
            P("damping", 0, 1, 0.5, "", "High-frequency damping in the tail."),
            P("width", 0, 1, 1, "", "Stereo width of the wet signal."),
            P("mix", 0, 1, 0.25, "", "Wet share: 0 = dry only, 1 = reverb only."),
        ], (p, c) => new ReverbEffect(p, c));

        yield return new("limiter", "Brick-wall lookahead limiter (meant for the master bus).",
        [
            P("ceiling_db", -24, 0, -1, "dBFS", "The output never exceeds this level."),
            P("release_ms", 1, 2000, 100, "ms", "Time constant of the gain's return to unity."),
            P("lookahead_ms", 0, 20, 1.5, "ms", "Lookahead (= added latency); 0 = instant clipping with smooth release."),
        ], (p, c) => new LimiterEffect(p, c));
    }
}
