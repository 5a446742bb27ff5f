using System.Text.Json;
using System.Text.RegularExpressions;
using AudioLab.Server.Infrastructure;

namespace AudioLab.Server.Apis;

/// <summary>Checks shared by several endpoints, so every field means the same everywhere.</summary>
internal static partial class FieldRules
{
    public const int MaxEffectsJsonLength = 65_536;

    public static readonly int[] SampleRates = [22_050, 32_000, 44_100, 48_000, 88_200, 96_000, 176_400, 192_000];
    public static readonly int[] BitDepths = [16, 24, 32];

    public static void SampleRate(this Validator v, int? rate)
    {
        if (rate is { } r && !SampleRates.Contains(r))
            v.Add("sample_rate", $"sample_rate must be one of {string.Join(", ", SampleRates)}; it was {r}.");
    }

    public static void BitDepth(this Validator v, int? depth)
    {
        if (depth is { } d && !BitDepths.Contains(d))
            v.Add("bit_depth", $"bit_depth must be 16, 24 or 32; it was {d}.");
    }

    public static void TimeSignature(this Validator v, string? signature)
    {
        if (signature is null) return;
        var m = TimeSignaturePattern().Match(signature);
        if (!m.Success || int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 32
            || !new[] { "1", "2", "4", "8", "16", "32" }.Contains(m.Groups[2].Value))
            v.Add("time_signature", $"time_signature must look like \"4/4\" (1-32 beats over 1, 2, 4, 8, 16 or 32); it was \"{signature}\".");
    }

    /// <summary>Effect chains are stored as given; here we only insist on a JSON array of reasonable size.</summary>
    public static string? EffectChain(this Validator v, string field, JsonElement? chain)
    {
        if (chain is not { } c) return null;
        if (c.ValueKind != JsonValueKind.Array) { v.Add(field, $"{field} must be a JSON array."); return null; }
        var text = c.GetRawText();
        if (text.Length > MaxEffectsJsonLength) { v.Add(field, $"{field} must be at most {MaxEffectsJsonLength} characters of JSON."); return null; }
        return text;
    }

    public static void Color(this Validator v, string? color)
    {
        if (!string.IsNullOrEmpty(color) && !ColorPattern().IsMatch(color))
            v.Add("color", $"color must be \"#rrggbb\" in hex; it was \"{color}\".");
    }

    public static void InputChannels(this Validator v, int[]? channels)
    {
        if (channels is null or { Length: 0 }) return;
        if (channels.Length > 2) v.Add("input_channels", "input_channels holds one (mono) or two (stereo) channel numbers.");
        else if (channels.Any(c => c is < 0 or > 255)) v.Add("input_channels", "input_channels must be device channel numbers from 0 to 255.");
        else if (channels.Distinct().Count() != channels.Length) v.Add("input_channels", "input_channels must not repeat a channel.");
    }

    [GeneratedRegex("^([0-9]{1,2})/([0-9]{1,2})$")]
    private static partial Regex TimeSignaturePattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}
