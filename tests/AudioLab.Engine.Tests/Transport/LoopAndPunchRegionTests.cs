using AudioLab.Engine.Transport;

namespace AudioLab.Engine.Tests.Transport;

public sealed class LoopAndPunchRegionTests
{
    [Theory]
    [InlineData(-1, 1000, null, "negative")]
    [InlineData(1000, 1000, null, "must be after loop start")]
    [InlineData(1000, 900, null, "must be after loop start")]
    [InlineData(0, 100, null, "at least 128 frames")]
    [InlineData(0, 480_001, null, "past the end of the project")]
    [InlineData(0, 1000, 0, "repeat_count must be at least 1")]
    [InlineData(0, 1000, -3, "repeat_count must be at least 1")]
    public void Bad_loop_regions_are_explained(long start, long end, int? repeat, string reason) =>
        Assert.Contains(reason, LoopRegionState.Validate(start, end, repeat, 128, 480_000), StringComparison.Ordinal);

    [Fact]
    public void A_good_loop_region_passes() => Assert.Null(LoopRegionState.Validate(48_013, 96_007, 5, 128, 480_000));

    [Fact]
    public void Repeat_count_limits_wraps_to_passes_minus_one()
    {
        var loop = default(LoopRegionState);
        loop.Set(0, 100, true, 3, 0);
        Assert.True(loop.CanWrap);
        loop.Wraps = 2;
        Assert.False(loop.CanWrap);
        loop.ResetPasses();
        Assert.True(loop.CanWrap);
        loop.Set(0, 100, true, null, 0);
        loop.Wraps = 1_000_000;
        Assert.True(loop.CanWrap);
    }

    [Fact]
    public void An_empty_region_cannot_be_enabled()
    {
        var loop = default(LoopRegionState);
        loop.Set(100, 100, true, null, 0);
        Assert.False(loop.Enabled);
    }

    [Theory]
    [InlineData(-5, 100, 0, "negative")]
    [InlineData(100, 100, 0, "must be after punch-in")]
    [InlineData(200, 100, 0, "must be after punch-in")]
    [InlineData(100, 200, -1, "Pre-roll cannot be negative")]
    public void Bad_punch_ranges_are_explained(long punchIn, long punchOut, long preRoll, string reason) =>
        Assert.Contains(reason, PunchRegion.Validate(punchIn, punchOut, preRoll), StringComparison.Ordinal);

    [Fact]
    public void Pre_roll_starts_before_punch_in_but_never_before_zero()
    {
        var punch = PunchRegion.Create(96_000, 144_000);
        Assert.Equal(0, punch.PreRollStart(200_000));
        Assert.Equal(48_000, punch.PreRollStart(48_000));
        Assert.Equal(96_000, punch.PreRollStart(0));
    }
}
