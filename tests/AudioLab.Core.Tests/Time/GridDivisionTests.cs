using AudioLab.Core.Time;

namespace AudioLab.Core.Tests.Time;

public sealed class GridDivisionTests
{
    [Theory]
    [InlineData("1/1", 1, GridFeel.Straight, "1/1", 96_000.0)]
    [InlineData("1/2", 2, GridFeel.Straight, "1/2", 48_000.0)]
    [InlineData("1/4", 4, GridFeel.Straight, "1/4", 24_000.0)]
    [InlineData("1/8", 8, GridFeel.Straight, "1/8", 12_000.0)]
    [InlineData("1/16", 16, GridFeel.Straight, "1/16", 6_000.0)]
    [InlineData("1/32", 32, GridFeel.Straight, "1/32", 3_000.0)]
    [InlineData("1/64", 64, GridFeel.Straight, "1/64", 1_500.0)]
    [InlineData("1/8t", 8, GridFeel.Triplet, "1/8t", 8_000.0)]
    [InlineData("1/8T", 8, GridFeel.Triplet, "1/8t", 8_000.0)]
    [InlineData("1/16t", 16, GridFeel.Triplet, "1/16t", 4_000.0)]
    [InlineData("1/4.", 4, GridFeel.Dotted, "1/4d", 36_000.0)]
    [InlineData("1/4d", 4, GridFeel.Dotted, "1/4d", 36_000.0)]
    [InlineData("1/8D", 8, GridFeel.Dotted, "1/8d", 18_000.0)]
    [InlineData(" 1/2t ", 2, GridFeel.Triplet, "1/2t", 32_000.0)]
    public void Parses_and_measures_at_120_bpm(string text, int denominator, GridFeel feel, string canonical, double frames)
    {
        var division = GridDivision.Parse(text);
        Assert.Equal(denominator, division.Denominator);
        Assert.Equal(feel, division.Feel);
        Assert.Equal(canonical, division.ToString());
        Assert.Equal(frames, division.LengthInFrames(new Tempo(120), 48_000));
        Assert.Equal(division, GridDivision.Parse(division.ToString()));
    }

    [Fact]
    public void Length_at_an_odd_tempo_stays_fractional()
    {
        // 48000 * 60 / 97.3 / 4 = 7399.79445... frames per sixteenth; never rounded here.
        Assert.Equal(7399.794450154162, GridDivision.Parse("1/16").LengthInFrames(new Tempo(97.3), 48_000), 9);
        Assert.Equal(9866.39260020555, GridDivision.Parse("1/8t").LengthInFrames(new Tempo(97.3), 48_000), 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1/3")]
    [InlineData("1/128")]
    [InlineData("2/4")]
    [InlineData("1/0")]
    [InlineData("1/8x")]
    [InlineData("1/8tt")]
    [InlineData("quarter")]
    [InlineData("t")]
    public void Unknown_divisions_are_rejected_with_the_accepted_list(string text)
    {
        Assert.False(GridDivision.TryParse(text, out _, out var error));
        Assert.Contains("1/64", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => GridDivision.Parse(text));
    }
}
