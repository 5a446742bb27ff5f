using AudioLab.Core.Time;

namespace AudioLab.Core.Tests.Time;

public sealed class TempoMapTests
{
    [Theory]
    [InlineData(19.999)]
    [InlineData(999.01)]
    [InlineData(0)]
    [InlineData(-120)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Tempo_outside_20_to_999_is_rejected(double bpm)
    {
        Assert.NotNull(Tempo.Validate(bpm));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tempo(bpm));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(999)]
    [InlineData(97.3)]
    public void Tempo_inside_range_is_accepted(double bpm) => Assert.Equal(bpm, new Tempo(bpm).Bpm);

    [Fact]
    public void Quarter_note_at_120_bpm_is_half_a_second()
    {
        var map = new TempoMap(new Tempo(120), TimeSignature.FourFour, 48_000);
        Assert.Equal(24_000.0, map.FrameAtQuarterNotes(1, 1));
        Assert.Equal(8_000.0, map.FrameAtQuarterNotes(1, 3)); // exact despite the /3
        Assert.Equal(2.5, map.QuarterNotesAtFrame(60_000));
        Assert.Equal(25, map.FrameAtTicks(1)); // 24000 / 960
    }

    [Fact]
    public void Tempo_counts_quarter_notes_even_in_six_eight()
    {
        // 120 BPM in 6/8: a quarter is still 24000 frames, so an eighth (the 6/8 beat) is 12000.
        var map = new TempoMap(new Tempo(120), TimeSignature.Parse("6/8"), 48_000);
        Assert.Equal(12_000, map.FrameAtTicks(map.Signature.TicksPerBeat));
    }

    [Fact]
    public void Map_rejects_a_default_tempo_and_silly_sample_rates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TempoMap(default, TimeSignature.FourFour, 48_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TempoMap(Tempo.Default, TimeSignature.FourFour, 100));
    }
}
