using AudioLab.Core.Time;
using CsCheck;

namespace AudioLab.Core.Tests.Time;

public sealed class MusicalPositionTests
{
    private static TempoMap Map(double bpm, string sig, int rate = 48_000) => new(new Tempo(bpm), TimeSignature.Parse(sig), rate);

    [Theory]
    // 4/4 at 120: bar = 96000, beat (quarter) = 24000, tick = 25 frames.
    [InlineData(120, "4/4", "1:1:0", 0)]
    [InlineData(120, "4/4", "5:3:480", 4 * 96_000 + 2 * 24_000 + 12_000)]
    [InlineData(120, "4/4", "2:1:1", 96_025)]
    // 6/8 at 120: beat = eighth = 12000, bar = 72000, 480 ticks per beat.
    [InlineData(120, "6/8", "2:1:0", 72_000)]
    [InlineData(120, "6/8", "5:3:240", 4 * 72_000 + 2 * 12_000 + 6_000)]
    // 7/8 at 120: bar = 84000.
    [InlineData(120, "7/8", "3:7:479", 2 * 84_000 + 6 * 12_000 + 479 * 25)]
    // 97.3 BPM, 4/4: 5:3:480 = 17840 ticks = 17840/960 quarters * 2880000/97.3 frames = 547584.789 -> 547585.
    [InlineData(97.3, "4/4", "5:3:480", 547_585)]
    public void Converts_to_hand_computed_frames(double bpm, string sig, string text, long frame)
    {
        var map = Map(bpm, sig);
        var position = MusicalPosition.Parse(text);
        Assert.Equal(frame, position.ToFrame(map));
        Assert.Equal(position, MusicalPosition.FromFrame(frame, map));
        Assert.Equal(text, position.ToString());
    }

    [Fact]
    public void Bars_and_beats_without_ticks_parse_as_tick_zero() =>
        Assert.Equal(new MusicalPosition(9, 2, 0), MusicalPosition.Parse(" 9:2 "));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("5", "not bars:beats:ticks")]
    [InlineData("1:2:3:4", "not bars:beats:ticks")]
    [InlineData("0:1:0", "start at 1")]
    [InlineData("1:0:0", "start at 1")]
    [InlineData("1:1:-5", "not a whole number")]
    [InlineData("1:x:0", "not a whole number")]
    [InlineData("1.5:1:0", "not a whole number")]
    public void Rejects_malformed_text(string text, string reason)
    {
        Assert.False(MusicalPosition.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7/8", "1:8:0", "beats 1 to 7")]
    [InlineData("6/8", "1:1:480", "ticks 0 to 479")]
    [InlineData("4/4", "1:1:960", "ticks 0 to 959")]
    public void Rejects_beats_and_ticks_the_signature_does_not_have(string sig, string text, string reason)
    {
        var error = MusicalPosition.Parse(text).ValidateFor(TimeSignature.Parse(sig));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => MusicalPosition.Parse(text).ToFrame(Map(120, sig)));
    }

    [Theory]
    [InlineData(120, "4/4", 48_000)]
    [InlineData(120, "6/8", 48_000)]
    [InlineData(97.3, "7/8", 48_000)]
    [InlineData(97.3, "6/8", 44_100)]
    [InlineData(999, "4/4", 48_000)] // a tick is 3.0 frames here: the smallest that still round trips
    [InlineData(20, "7/8", 96_000)]
    public void Position_to_frame_to_position_round_trips(double bpm, string sig, int rate)
    {
        var map = Map(bpm, sig, rate);
        var gen = Gen.Select(Gen.Int[1, 5000], Gen.Int[1, map.Signature.Numerator], Gen.Int[0, map.Signature.TicksPerBeat - 1]);
        gen.Sample((bar, beat, tick) =>
        {
            var position = new MusicalPosition(bar, beat, tick);
            Assert.Equal(position, MusicalPosition.FromFrame(position.ToFrame(map), map));
        }, iter: 2000);
    }

    [Theory]
    [InlineData(120, "4/4")]
    [InlineData(97.3, "7/8")]
    public void Frame_to_position_to_frame_is_within_half_a_tick(double bpm, string sig)
    {
        var map = Map(bpm, sig);
        var halfTick = map.FrameAtQuarterNotes(1, 2 * MusicalPosition.TicksPerQuarterNote);
        Gen.Long[0, 1L << 36].Sample(frame =>
        {
            var back = MusicalPosition.FromFrame(frame, map).ToFrame(map);
            Assert.True(Math.Abs(back - frame) <= halfTick + 0.5, $"{frame} -> {back}");
        }, iter: 2000);
    }

    [Fact]
    public void Frames_just_before_a_bar_line_round_to_the_nearest_tick()
    {
        var map = Map(120, "4/4");
        Assert.Equal("1:4:959", MusicalPosition.FromFrame(95_975, map).ToString());
        Assert.Equal("2:1:0", MusicalPosition.FromFrame(95_990, map).ToString()); // 0.4 ticks before the bar
    }
}
