using AudioLab.Core.Time;

namespace AudioLab.Core.Tests.Time;

public sealed class TimeSignatureTests
{
    [Theory]
    [InlineData("4/4", 4, 4, 960)]
    [InlineData("6/8", 6, 8, 480)]
    [InlineData("7/8", 7, 8, 480)]
    [InlineData(" 3 / 2 ", 3, 2, 1920)]
    [InlineData("5/16", 5, 16, 240)]
    public void Parses_common_signatures(string text, int numerator, int denominator, int ticksPerBeat)
    {
        var sig = TimeSignature.Parse(text);
        Assert.Equal(numerator, sig.Numerator);
        Assert.Equal(denominator, sig.Denominator);
        Assert.Equal(ticksPerBeat, sig.TicksPerBeat);
        Assert.Equal($"{numerator}/{denominator}", sig.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("4", "not of the form")]
    [InlineData("4/x", "not of the form")]
    [InlineData("-4/4", "not of the form")]
    [InlineData("0/4", "numerator must be between 1 and 64")]
    [InlineData("65/4", "numerator must be between 1 and 64")]
    [InlineData("4/3", "power of two")]
    [InlineData("4/0", "power of two")]
    [InlineData("4/128", "power of two")]
    public void Rejects_bad_signatures_with_a_reason(string text, string reason)
    {
        Assert.False(TimeSignature.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => TimeSignature.Parse(text));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public void Constructor_rejects_what_parse_rejects() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeSignature(4, 6));
}
