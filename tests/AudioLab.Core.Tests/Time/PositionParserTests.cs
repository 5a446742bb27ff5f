using System.Text.Json;
using AudioLab.Core.Time;

namespace AudioLab.Core.Tests.Time;

public sealed class PositionParserTests
{
    private static readonly TempoMap Map = new(new Tempo(120), TimeSignature.Parse("6/8"), 48_000);

    [Theory]
    [InlineData("0", PositionUnit.Seconds, 0)]
    [InlineData("1.5", PositionUnit.Seconds, 72_000)]
    [InlineData("1e1", PositionUnit.Seconds, 480_000)]
    [InlineData("0.0000104", PositionUnit.Seconds, 0)]   // 0.4992 frames -> 0
    [InlineData("0.0000105", PositionUnit.Seconds, 1)]   // 0.504 frames -> 1
    [InlineData("48013", PositionUnit.Frames, 48_013)]
    [InlineData("2:1:0", PositionUnit.Seconds, 72_000)]  // 6/8 bar at 120 BPM = 1.5 s
    [InlineData("2:1:0", PositionUnit.Frames, 72_000)]
    [InlineData("1:4", PositionUnit.Seconds, 36_000)]
    public void Parses_every_kind_of_position(string text, PositionUnit unit, long frame) =>
        Assert.Equal(frame, PositionParser.Parse(text, unit, Map));

    [Theory]
    [InlineData("NaN", PositionUnit.Seconds, "NaN")]
    [InlineData("Infinity", PositionUnit.Seconds, "NaN or infinity")]
    [InlineData("-1", PositionUnit.Seconds, "negative")]
    [InlineData("-1", PositionUnit.Frames, "negative")]
    [InlineData("1.5", PositionUnit.Frames, "whole number")]
    [InlineData("1e300", PositionUnit.Seconds, "beyond the end")]
    [InlineData("", PositionUnit.Seconds, "empty")]
    [InlineData("abc", PositionUnit.Seconds, "neither a number of seconds")]
    [InlineData("abc", PositionUnit.Frames, "neither a frame number")]
    [InlineData("1:7:0", PositionUnit.Seconds, "beats 1 to 6")]
    [InlineData("0:1:0", PositionUnit.Seconds, "start at 1")]
    [InlineData("1,5", PositionUnit.Seconds, "neither")]
    public void Rejects_bad_positions_with_a_clear_message(string text, PositionUnit unit, string reason)
    {
        Assert.False(PositionParser.TryParse(text, unit, Map, out var frame, out var error));
        Assert.Equal(0, frame);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Throws<FormatException>(() => PositionParser.Parse(text, unit, Map)).Message);
    }

    [Theory]
    [InlineData("""{"p": 2.5}""", PositionUnit.Seconds, 120_000)]
    [InlineData("""{"p": 96007}""", PositionUnit.Frames, 96_007)]
    [InlineData("""{"p": 96007.0}""", PositionUnit.Frames, 96_007)]
    [InlineData("""{"p": "3:1:0"}""", PositionUnit.Seconds, 144_000)]
    [InlineData("""{"p": "0.25"}""", PositionUnit.Seconds, 12_000)]
    public void Reads_json_numbers_and_strings(string json, PositionUnit unit, long frame)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.True(PositionParser.TryParse(doc.RootElement.GetProperty("p"), unit, Map, out var parsed, out var error), error);
        Assert.Equal(frame, parsed);
    }

    [Theory]
    [InlineData("""{"p": null}""", "null")]
    [InlineData("""{"p": true}""", "true")]
    [InlineData("""{"p": -3}""", "negative")]
    [InlineData("""{"p": 1e400}""", "NaN or infinity")]
    public void Rejects_json_that_is_not_a_position(string json, string reason)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.False(PositionParser.TryParse(doc.RootElement.GetProperty("p"), PositionUnit.Seconds, Map, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Direct_number_entry_points_check_the_same_rules()
    {
        Assert.False(PositionParser.TryFromSeconds(double.NaN, 48_000, out _, out _));
        Assert.False(PositionParser.TryFromSeconds(double.NegativeInfinity, 48_000, out _, out _));
        Assert.False(PositionParser.TryFromFrames(double.PositiveInfinity, out _, out _));
        Assert.False(PositionParser.TryFromFrames(PositionParser.MaxFrame + 1, out _, out _));
        Assert.True(PositionParser.TryFromFrames(PositionParser.MaxFrame, out var max, out _));
        Assert.Equal(PositionParser.MaxFrame, max);
    }
}
