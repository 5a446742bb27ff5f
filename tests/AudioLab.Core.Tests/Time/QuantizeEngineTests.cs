using AudioLab.Core.Time;
using CsCheck;

namespace AudioLab.Core.Tests.Time;

public sealed class QuantizeEngineTests
{
    private static QuantizeEngine Engine(double bpm, int rate = 48_000, string sig = "4/4") =>
        new(new TempoMap(new Tempo(bpm), TimeSignature.Parse(sig), rate));

    [Theory]
    // 120 BPM, 48 kHz: 1/16 = 6000, 1/8t = 8000, 1/4d = 36000, 1/64 = 1500 frames.
    [InlineData("1/16", 0, 0)]
    [InlineData("1/16", 2_999, 0)]
    [InlineData("1/16", 3_000, 6_000)] // tie: the later line
    [InlineData("1/16", 3_001, 6_000)]
    [InlineData("1/16", 9_000, 12_000)] // tie
    [InlineData("1/16", 95_999, 96_000)]
    [InlineData("1/8t", 3_999, 0)]
    [InlineData("1/8t", 4_000, 8_000)] // tie, exact despite thirds
    [InlineData("1/8t", 12_001, 16_000)]
    [InlineData("1/8t", 1_000_003, 1_000_000)]
    [InlineData("1/4d", 17_999, 0)]
    [InlineData("1/4d", 18_000, 36_000)]
    [InlineData("1/4d", 50_000, 36_000)]
    [InlineData("1/64", 48_751, 48_000 + 1_500)]
    [InlineData("1/1", 143_999, 96_000)]
    [InlineData("1/1", 144_000, 192_000)]
    public void Snaps_at_120_bpm_to_hand_computed_lines(string division, long frame, long expected) =>
        Assert.Equal(expected, Engine(120).SnapToGrid(frame, GridDivision.Parse(division)));

    [Theory]
    // 97.3 BPM, 48 kHz. 1/16 = 7399.7945 frames: 100000 lies between line 13 (96197.33) and 14 (103597.12), nearer 14.
    [InlineData("1/16", 100_000, 103_597)]
    // 1234567 between line 166 (1228365.88) and 167 (1235765.67): nearer 167, rounds up to 1235766.
    [InlineData("1/16", 1_234_567, 1_235_766)]
    [InlineData("1/16", 5_000, 7_400)]
    // 1/8t = 9866.3926: 100000 between line 10 (98663.93) and 11 (108530.32): nearer 10.
    [InlineData("1/8t", 100_000, 98_664)]
    [InlineData("1/8t", 1_234_567, 1_233_299)]
    // 1/4d = 44398.7667: 100000 between 88797.53 and 133196.30: nearer 88797.53 -> 88798.
    [InlineData("1/4d", 100_000, 88_798)]
    [InlineData("1/4d", 1_234_567, 1_243_165)]
    [InlineData("1/4d", 5_000, 0)]
    public void Snaps_at_97_3_bpm_to_hand_computed_lines(string division, long frame, long expected) =>
        Assert.Equal(expected, Engine(97.3).SnapToGrid(frame, GridDivision.Parse(division)));

    [Theory]
    // 44.1 kHz, 97.3 BPM, 1/8t = 9064.748 frames: 22050 between 18129.50 and 27194.24 -> 18129 (18129.496 rounds down).
    [InlineData(22_050, 18_129)]
    [InlineData(777_777, 779_568)]
    public void Snaps_at_44_1_khz(long frame, long expected) =>
        Assert.Equal(expected, Engine(97.3, 44_100).SnapToGrid(frame, GridDivision.Parse("1/8t")));

    [Fact]
    public void Grid_is_anchored_at_frame_zero_not_at_bars_in_odd_meters()
    {
        // 7/8 at 120: a bar is 84000 frames, but 1/1 lines stay at multiples of 96000.
        var engine = Engine(120, sig: "7/8");
        Assert.Equal(96_000, engine.SnapToGrid(84_000, GridDivision.Parse("1/1")));
        Assert.Equal(84_000, engine.SnapToGrid(84_000, GridDivision.Parse("1/8")));
    }

    [Fact]
    public void Quantizing_a_clip_start_moves_it_to_the_nearest_line()
    {
        var engine = Engine(120);
        Assert.Equal(24_000, engine.QuantizeClipStart(25_013, GridDivision.Parse("1/4")));
        Assert.Equal(30_000, engine.QuantizeClipStart(29_000, GridDivision.Parse("1/16")));
    }

    [Fact]
    public void Negative_frames_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Engine(120).SnapToGrid(-1, GridDivision.Parse("1/4")));

    private static readonly string[] Divisions =
        ["1/1", "1/2", "1/4", "1/8", "1/16", "1/32", "1/64", "1/2t", "1/4t", "1/8t", "1/16t", "1/32t", "1/64t", "1/2d", "1/4d", "1/8d", "1/16d", "1/32d", "1/64d"];

    private static readonly int[] Rates = [44_100, 48_000, 96_000];

    private static readonly Gen<(double Bpm, int Rate, GridDivision Division, long Frame)> Cases =
        Gen.Select(
            Gen.OneOf(Gen.Int[200, 9990].Select(t => t / 10.0), Gen.Int[20, 999].Select(t => (double)t)),
            Gen.Int[0, Rates.Length - 1].Select(i => Rates[i]),
            Gen.Int[0, Divisions.Length - 1].Select(i => GridDivision.Parse(Divisions[i])),
            Gen.OneOf(Gen.Long[0, 10_000_000], Gen.Long[0, 1L << 40]));

    [Fact]
    public void Snapping_is_idempotent() =>
        Cases.Sample(c =>
        {
            var engine = Engine(c.Bpm, c.Rate);
            var once = engine.SnapToGrid(c.Frame, c.Division);
            Assert.Equal(once, engine.SnapToGrid(once, c.Division));
        }, iter: 5000);

    [Fact]
    public void Snapping_lands_on_a_grid_line_and_picks_the_nearest() =>
        Cases.Sample(c =>
        {
            var engine = Engine(c.Bpm, c.Rate);
            var snapped = engine.SnapToGrid(c.Frame, c.Division);
            // Independent reference in decimal arithmetic: line k at k * 4/d (x 2/3 or 3/2) quarters.
            var length = c.Division.QuarterNotesNumerator * 60m * c.Rate / (c.Division.QuarterNotesDenominator * (decimal)c.Bpm);
            var k = decimal.Floor(c.Frame / length);
            var before = k * length;
            var after = (k + 1) * length;
            var nearest = after - c.Frame <= c.Frame - before ? after : before;
            // Doubles carry ~16 digits: far out (days of audio) a line within 1e-4 of a half frame may round either way.
            var slack = 1e-6m + c.Frame * 1e-14m;
            Assert.True(Math.Abs(snapped - nearest) <= 0.5m + slack, $"{c}: snapped {snapped}, nearest line {nearest}");
            Assert.True(Math.Abs(c.Frame - snapped) <= length / 2 + 0.5m + slack);
            Assert.True(engine.IsOnGrid(snapped, c.Division));
        }, iter: 5000);
}
