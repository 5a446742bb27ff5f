using AudioLab.Engine.Effects;

namespace AudioLab.Engine.Tests.Effects;

public class EffectResponseTests
{
    private const int Fs = 48000;

    private static IEffect Create(string type, params (string, double)[] p)
    {
        var e = EffectRegistry.Default.Create(TestAudio.Effect(type, p), new EffectContext(Fs, 120));
        e.Prepare(Fs, 512);
        return e;
    }

    private static void Run(IEffect e, float[] l, float[] r)
    {
        for (var i = 0; i < l.Length; i += 512)
        {
            var n = Math.Min(512, l.Length - i);
            e.Process(l.AsSpan(i, n), r.AsSpan(i, n));
        }
    }

    /// <summary>Steady-state gain in dB of a sine at <paramref name="freq"/> through the effect.</summary>
    private static double SineGainDb(IEffect e, double freq, double amplitude = 0.1)
    {
        var n = Fs;
        var l = new float[n];
        var r = new float[n];
        for (var i = 0; i < n; i++) l[i] = r[i] = (float)(amplitude * Math.Sin(2 * Math.PI * freq * i / Fs));
        Run(e, l, r);
        // RMS over the second half (settled), against the input RMS amplitude/√2.
        double sum = 0;
        for (var i = n / 2; i < n; i++) sum += l[i] * (double)l[i];
        var rms = Math.Sqrt(sum / (n / 2));
        return 20 * Math.Log10(rms / (amplitude / Math.Sqrt(2)));
    }

    [Fact]
    public void Eq_peaking_band_has_its_gain_at_the_centre()
    {
        Assert.Equal(6.0, SineGainDb(Create("eq", ("peak2_hz", 1000), ("peak2_gain_db", 6), ("peak2_q", 2)), 1000), 1);
        Assert.Equal(-9.0, SineGainDb(Create("eq", ("peak1_hz", 300), ("peak1_gain_db", -9)), 300), 1);
        Assert.Equal(0.0, SineGainDb(Create("eq", ("peak2_hz", 1000), ("peak2_gain_db", 6), ("peak2_q", 2)), 12000), 1);
    }

    [Fact]
    public void Eq_shelves_reach_their_gain()
    {
        Assert.Equal(8.0, SineGainDb(Create("eq", ("low_shelf_hz", 500), ("low_shelf_gain_db", 8)), 30), 1);
        Assert.Equal(0.0, SineGainDb(Create("eq", ("low_shelf_hz", 500), ("low_shelf_gain_db", 8)), 10000), 1);
        Assert.Equal(-6.0, SineGainDb(Create("eq", ("high_shelf_hz", 3000), ("high_shelf_gain_db", -6)), 18000), 1);
        Assert.Equal(0.0, SineGainDb(Create("eq", ("high_shelf_hz", 3000), ("high_shelf_gain_db", -6)), 100), 1);
    }

    [Fact]
    public void Eq_cuts_are_minus_3_dB_at_the_cutoff()
    {
        Assert.Equal(-3.0, SineGainDb(Create("eq", ("high_cut_hz", 2000)), 2000), 1);
        Assert.Equal(-3.0, SineGainDb(Create("eq", ("low_cut_hz", 200)), 200), 1);
        Assert.True(SineGainDb(Create("eq", ("high_cut_hz", 2000)), 8000) < -20);
    }

    [Fact]
    public void Untouched_eq_is_transparent()
    {
        var eq = (EqEffect)Create("eq");
        Assert.Empty(eq.Bands);
        Assert.Equal(0.0, SineGainDb(eq, 1000), 6);
    }

    [Theory]
    [InlineData(-30.0, -20, 4, 0, 0.0)]      // below threshold: untouched
    [InlineData(-8.0, -20, 4, 0, -9.0)]      // 12 dB over at 4:1 -> output 3 dB over: 9 dB of reduction
    [InlineData(-20.0, -20, 4, 10, -0.9375)] // at threshold in a 10 dB knee: (1/4-1)(5)²/(2·10)
    [InlineData(-26.0, -20, 4, 10, 0.0)]     // below the knee
    [InlineData(-10.0, -20, 2, 6, -5.0)]     // above the knee: straight 2:1
    public void Compressor_settles_on_the_static_curve(double levelDb, double threshold, double ratio, double knee, double expectedGainDb)
    {
        var c = Create("compressor", ("threshold_db", threshold), ("ratio", ratio), ("knee_db", knee), ("attack_ms", 1), ("release_ms", 50));
        var level = (float)Math.Pow(10, levelDb / 20);
        var l = new float[Fs];
        var r = new float[Fs];
        Array.Fill(l, level);
        Array.Fill(r, -level);
        Run(c, l, r);
        Assert.Equal(expectedGainDb, 20 * Math.Log10(l[^1] / level), 0.002);
        Assert.Equal(-l[^1], r[^1]);
    }

    [Fact]
    public void Compressor_makeup_and_time_constants_behave()
    {
        var c = Create("compressor", ("threshold_db", -20), ("ratio", 4), ("knee_db", 0), ("attack_ms", 10), ("release_ms", 100), ("makeup_db", 5));
        var l = new float[Fs];
        var r = new float[Fs];
        Array.Fill(l, 0.5f, 0, Fs / 2);         // -6 dBFS: 14 dB over -> 10.5 dB reduction
        Array.Fill(l, 0.01f, Fs / 2, Fs / 2);   // -40 dBFS: release back to no reduction
        Array.Copy(l, r, Fs);
        Run(c, l, r);
        var reduction = 0.75 * (20 * Math.Log10(0.5) + 20); // 4:1 above -20 dBFS, hard knee
        var settled = 20 * Math.Log10(l[Fs / 2 - 1] / 0.5);
        Assert.Equal(-reduction + 5, settled, 0.002);
        // One attack time constant after the onset, about 63 % of the reduction is reached.
        var atTau = 20 * Math.Log10(l[480] / 0.5) - 5;
        Assert.Equal(-reduction * (1 - Math.Exp(-1)), atTau, 1);
        // 500 ms of release at a 100 ms time constant leaves e^-5 of the reduction.
        Assert.Equal(5.0 - reduction * Math.Exp(-5), 20 * Math.Log10(l[^1] / 0.01), 0.005);
    }

    [Fact]
    public void Delay_echoes_arrive_at_the_delay_time_and_decay_by_the_feedback()
    {
        var d = Create("delay", ("time_ms", 10), ("feedback", 0.5), ("mix", 0.4));
        var l = new float[4000];
        var r = new float[4000];
        l[0] = r[0] = 1f;
        Run(d, l, r);
        Assert.Equal(0.6f, l[0], 6); // dry share
        Assert.Equal(0.4f, l[480], 6);
        Assert.Equal(0.2f, l[960], 6);
        Assert.Equal(0.1f, l[1440], 6);
        Assert.Equal(5, l.Take(2000).Count(v => v != 0)); // dry + echoes at 480, 960, 1440, 1920 only
        Assert.Equal(0f, l[481]);
        Assert.Equal(l, r);
    }

    [Fact]
    public void Tempo_synced_delay_follows_the_project_tempo()
    {
        var d = (DelayEffect)EffectRegistry.Default.Create(TestAudio.Effect("delay", ("note", 0.25)), new EffectContext(Fs, 100));
        d.Prepare(Fs, 512);
        Assert.Equal(28800, d.DelayFrames); // a quarter at 100 bpm = 0.6 s
    }

    [Fact]
    public void Reverb_tail_decays_and_stays_finite()
    {
        var rev = Create("reverb", ("room_size", 0.9), ("damping", 0.2), ("mix", 1));
        var n = 6 * Fs;
        var l = new float[n];
        var r = new float[n];
        for (var i = 0; i < 480; i++) l[i] = r[i] = (float)Math.Sin(i * 0.3) * 0.5f;
        Run(rev, l, r);
        double Energy(int fromS, int toS)
        {
            double e = 0;
            for (var i = fromS * Fs / 2; i < toS * Fs / 2; i++) e += l[i] * (double)l[i] + r[i] * (double)r[i];
            return e;
        }
        Assert.All(l.Concat(r), v => Assert.True(float.IsFinite(v)));
        var windows = Enumerable.Range(0, 12).Select(w => Energy(w, w + 1)).ToArray();
        Assert.True(windows[0] > 0);
        Assert.True(windows[1] > 1e-4 * windows[0], "a tail exists");
        for (var w = 2; w < windows.Length; w++) Assert.True(windows[w] < windows[w - 1], $"window {w} did not decay");
        Assert.True(windows[^1] < 1e-3 * windows[1]);
        Assert.NotEqual(l[Fs], r[Fs]); // stereo spread
    }

    [Fact]
    public void Limiter_never_exceeds_its_ceiling()
    {
        foreach (var lookahead in new[] { 0.0, 1.5, 5.0 })
        {
            var lim = (LimiterEffect)Create("limiter", ("ceiling_db", -3), ("lookahead_ms", lookahead), ("release_ms", 20));
            var rng = new Random(3);
            var n = 2 * Fs;
            var l = new float[n];
            var r = new float[n];
            for (var i = 0; i < n; i++)
            {
                var burst = i % 9000 < 300 ? 4.0 : 0.4; // sharp transients far above the ceiling
                l[i] = (float)(burst * (rng.NextDouble() * 2 - 1));
                r[i] = (float)(burst * Math.Sin(i * 0.01));
            }
            Run(lim, l, r);
            var ceiling = Math.Pow(10, -3 / 20.0);
            Assert.True(l.Concat(r).Max(Math.Abs) <= ceiling + 1e-7, $"lookahead {lookahead}");
            Assert.Equal((int)Math.Round(lookahead * 48), lim.LatencyFrames);
        }
    }

    [Fact]
    public void Limiter_leaves_quiet_audio_alone_except_for_its_latency()
    {
        var lim = Create("limiter", ("ceiling_db", -1), ("lookahead_ms", 2));
        var l = new float[2000];
        var r = new float[2000];
        for (var i = 0; i < 2000; i++) l[i] = r[i] = (float)(0.5 * Math.Sin(i * 0.05));
        var input = (float[])l.Clone();
        Run(lim, l, r);
        for (var i = 96; i < 2000; i++) Assert.Equal(input[i - 96], l[i], 6);
    }

    [Fact]
    public void Gain_applies_decibels()
    {
        var g = Create("gain", ("gain_db", -6.0206));
        var l = new float[] { 1, -0.5f };
        var r = new float[] { 0.2f, 0 };
        g.Process(l, r);
        Assert.Equal(0.5f, l[0], 5);
        Assert.Equal(-0.25f, l[1], 5);
        Assert.Equal(0.1f, r[0], 5);
    }
}
