using AudioLab.Engine.Transport;

namespace AudioLab.Engine.Tests.Transport;

public sealed class PunchCrossfadeTests
{
    [Fact]
    public void Default_fade_is_ten_milliseconds()
    {
        Assert.Equal(480, EqualPowerCrossfade.LengthInFrames(48_000));
        Assert.Equal(441, EqualPowerCrossfade.LengthInFrames(44_100));
        Assert.Equal(96, EqualPowerCrossfade.LengthInFrames(48_000, 2));
        Assert.Equal(1, EqualPowerCrossfade.LengthInFrames(48_000, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EqualPowerCrossfade.LengthInFrames(48_000, double.NaN));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(480)]
    public void Gains_are_equal_power_and_monotonic(int length)
    {
        var lastIn = -1f;
        for (var i = 0; i < length; i++)
        {
            var fadeIn = EqualPowerCrossfade.FadeIn(i, length);
            var fadeOut = EqualPowerCrossfade.FadeOut(i, length);
            Assert.Equal(1.0, fadeIn * fadeIn + fadeOut * fadeOut, 6);
            Assert.True(fadeIn > lastIn);
            lastIn = fadeIn;
        }
        // Symmetric: the fade-in read backwards is the fade-out.
        Assert.Equal(EqualPowerCrossfade.FadeOut(0, length), EqualPowerCrossfade.FadeIn(length - 1, length), 6);
    }

    [Fact]
    public void Punch_replaces_only_between_the_points_with_fades_inside()
    {
        const long Start = 1_000, PunchIn = 1_237, PunchOut = 4_111;
        const int Fade = 480;
        var old = Enumerable.Range(0, 4_000).Select(i => 0.25f + (i % 7) * 0.01f).ToArray();
        var fresh = Enumerable.Range(0, 4_000).Select(i => -0.5f - (i % 5) * 0.01f).ToArray();
        var mixed = (float[])old.Clone();
        PunchCrossfade.Apply(mixed, fresh, Start, PunchIn, PunchOut, Fade);

        for (var i = 0; i < mixed.Length; i++)
        {
            var frame = Start + i;
            if (frame < PunchIn || frame >= PunchOut) Assert.Equal(old[i], mixed[i]);
            else if (frame >= PunchIn + Fade && frame < PunchOut - Fade) Assert.Equal(fresh[i], mixed[i]);
            else
            {
                var g = PunchCrossfade.NewGain(frame, PunchIn, PunchOut, Fade);
                var h = PunchCrossfade.OldGain(frame, PunchIn, PunchOut, Fade);
                Assert.Equal(1.0, g * g + h * h, 6);
                Assert.Equal(old[i] * h + fresh[i] * g, mixed[i], 6);
            }
        }
        Assert.True(PunchCrossfade.NewGain(PunchIn, PunchIn, PunchOut, Fade) < 0.01f);
        Assert.True(PunchCrossfade.NewGain(PunchOut - 1, PunchIn, PunchOut, Fade) < 0.01f);
    }

    [Fact]
    public void Fades_shrink_for_a_punch_shorter_than_two_fades()
    {
        Assert.Equal(50, PunchCrossfade.EffectiveFadeFrames(0, 101, 480));
        Assert.Equal(0, PunchCrossfade.EffectiveFadeFrames(0, 1, 480));
        Assert.Equal(1f, PunchCrossfade.NewGain(0, 0, 1, 480)); // a one-frame punch is just the new frame
    }
}
