using System.Globalization;
using System.Text.Json;
using AudioLab.Engine.Effects;
using AudioLab.Engine.Model;

namespace AudioLab.Server.Engine;

/// <summary>
/// The one translation between a stored/sent effect chain (<c>[{"type":"eq","enabled":true,"parameters":{"peak2_gain_db":3}}]</c>)
/// and the engine's <see cref="EffectModel"/>s. Shape errors (an item that is not an object, a parameter that is not a number)
/// and the registry's own checks (unknown type, unknown or out-of-range parameter) are reported together, each keyed by
/// its path (<c>effects[1].parameters.ratio</c>), so one 422 lists everything that is wrong.
/// </summary>
public static class EffectChainJson
{
    /// <summary>Longest chain accepted on a track or the master bus.</summary>
    public const int MaxEffects = 32;

    /// <summary>Parses and validates a chain. Returns null when any error was added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<EffectModel>? Parse(JsonElement chain, string prefix, ICollection<EffectParameterError> errors, EffectRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        registry ??= EffectRegistry.Default;
        var before = errors.Count;
        if (chain.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(prefix, $"{prefix} must be a JSON array of effects such as [{{\"type\":\"eq\",\"parameters\":{{\"peak2_gain_db\":3}}}}]."));
            return null;
        }
        if (chain.GetArrayLength() > MaxEffects)
        {
            errors.Add(new(prefix, $"{prefix} holds at most {MaxEffects} effects; it has {chain.GetArrayLength()}."));
            return null;
        }
        var models = new List<EffectModel>();
        var i = 0;
        foreach (var item in chain.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i++}]");
            var model = ParseOne(item, path, errors);
            if (model is null) continue;
            foreach (var e in registry.Validate(model, path)) errors.Add(e);
            models.Add(model);
        }
        return errors.Count == before ? models : null;
    }

    /// <summary>Parses a chain read back from the database, where it was stored only after validation.</summary>
    /// <exception cref="InvalidDataException">The stored chain does not parse or validate any more; the message says where.</exception>
    public static IReadOnlyList<EffectModel> ParseStored(string json, string prefix)
    {
        JsonElement chain;
        try
        {
            chain = JsonSerializer.Deserialize<JsonElement>(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The stored {prefix} chain is not valid JSON: {e.Message}", e);
        }
        var errors = new List<EffectParameterError>();
        return Parse(chain, prefix, errors)
            ?? throw new InvalidDataException($"The stored {prefix} chain is no longer valid: " + string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")) +
                $" Set it again with PUT.");
    }

    /// <summary>The canonical stored and returned form: every effect with its type, enabled flag and the parameters given.</summary>
    public static string Serialize(IReadOnlyList<EffectModel> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var effect in chain)
            {
                writer.WriteStartObject();
                writer.WriteString("type", effect.Type);
                writer.WriteBoolean("enabled", effect.Enabled);
                writer.WriteStartObject("parameters");
                foreach (var (name, value) in effect.Parameters) writer.WriteNumber(name, value);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static EffectModel? ParseOne(JsonElement item, string path, ICollection<EffectParameterError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, $"{path} must be an object with \"type\" and optional \"enabled\" and \"parameters\"."));
            return null;
        }
        string? type = null;
        var enabled = true;
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        var ok = true;
        foreach (var field in item.EnumerateObject())
        {
            switch (field.Name)
            {
                case "type" when field.Value.ValueKind == JsonValueKind.String:
                    type = field.Value.GetString();
                    break;
                case "type":
                    errors.Add(new($"{path}.type", $"{path}.type must be a string such as \"eq\"."));
                    ok = false;
                    break;
                case "enabled" when field.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    enabled = field.Value.GetBoolean();
                    break;
                case "enabled":
                    errors.Add(new($"{path}.enabled", $"{path}.enabled must be true or false."));
                    ok = false;
                    break;
                case "parameters" when field.Value.ValueKind == JsonValueKind.Object:
                    foreach (var p in field.Value.EnumerateObject())
                    {
                        if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out var v) && double.IsFinite(v))
                            parameters[p.Name] = v;
                        else
                        {
                            errors.Add(new($"{path}.parameters.{p.Name}", $"{path}.parameters.{p.Name} must be a finite number."));
                            ok = false;
                        }
                    }
                    break;
                case "parameters" when field.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "parameters":
                    errors.Add(new($"{path}.parameters", $"{path}.parameters must be an object of numbers by name."));
                    ok = false;
                    break;
                default:
                    errors.Add(new($"{path}.{field.Name}",
                        $"{path} has an unknown field '{field.Name}'; an effect has \"type\", \"enabled\" and \"parameters\"."));
                    ok = false;
                    break;
            }
        }
        if (type is null)
        {
            if (!errors.Any(e => e.Path == $"{path}.type")) errors.Add(new($"{path}.type", $"{path}.type is required."));
            return null;
        }
        return ok ? new EffectModel(type, parameters, enabled) : null;
    }
}
