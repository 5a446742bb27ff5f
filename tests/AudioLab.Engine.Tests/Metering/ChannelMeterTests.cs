using AudioLab.Engine.Metering;

namespace AudioLab.Engine.Tests.Metering;

public sealed class ChannelMeterTests
{
    private const int Rate = 48_000;
    private const int Block = 128;

    private static void Feed(ChannelMeter meter, Func<long, float> signal, double seconds, ref long frame, float gain = 1f)
    {
        var buffer = new float[Block];
        var end = frame + (long)(seconds * Rate);
        for (; frame < end; frame += Block)
        {
            for (var i = 0; i < Block; i++) buffer[i] = signal(frame + i);
            meter.Process(buffer, gain);
        }
    }

    private static float Sine(long f, float amplitude) => amplitude * (float)Math.Sin(2 * Math.PI * 1000.0 * f / Rate);

    [Theory]
    [InlineData(0.5f, -6.0206, -9.0309)]
    [InlineData(1.0f, 0.0, -3.0103)]
    [InlineData(0.01f, -40.0, -43.0103)]
    public void A_steady_sine_reads_its_peak_and_rms_in_dbfs(float amplitude, double peakDb, double rmsDb)
    {
        var meter = new ChannelMeter(Rate, MeterOptions.Default);
        long frame = 0;
        Feed(meter, f => Sine(f, amplitude), 3, ref frame); // 10 RMS time constants: settled
        var reading = meter.Read();
        Assert.Equal(peakDb, reading.PeakDb, 0.01);
        Assert.Equal(rmsDb, reading.RmsDb, 0.02);
        Assert.Equal(peakDb, reading.PeakHoldDb, 0.01);
    }

    [Fact]
    public void Post_fader_gain_scales_the_reading()
    {
        var meter = new ChannelMeter(Rate, MeterOptions.Default);
        long frame = 0;
        Feed(meter, f => Sine(f, 0.5f), 3, ref frame, gain: 0.5f);
        Assert.Equal(-12.0412, meter.Read().PeakDb, 0.01);
    }

    [Fact]
    public void Clip_detection_counts_samples_at_or_above_full_scale_and_latches_until_reset()
    {
        var meter = new ChannelMeter(Rate, MeterOptions.Default);
        var block = new float[Block];
        block[3] = 0.99999f;
        block[7] = -0.9999f;
        meter.Process(block);
        Assert.False(meter.Read().Clipped);
        block[10] = 1.0f;
        block[11] = -1.0f;
        block[12] = 1.5f;
        meter.Process(block);
        var reading = meter.Read();
        Assert.True(reading.Clipped);
        Assert.Equal(3, reading.ClipCount);
        Array.Clear(block);
        for (var i = 0; i < 1000; i++) meter.Process(block);
        Assert.True(meter.Read().Clipped); // latched through silence
        meter.Reset();
        Assert.Equal(MeterReading.Silent, meter.Read());
    }

    [Fact]
    public void Peak_falls_back_while_the_hold_keeps_the_highest_peak_for_its_time()
    {
        var meter = new ChannelMeter(Rate, MeterOptions.Default);
        long frame = 0;
        Feed(meter, f => Sine(f, 0.5f), 0.1, ref frame);
        Feed(meter, _ => 0f, 1.0, ref frame);
        var reading = meter.Read();
        Assert.Equal(-6.02, reading.PeakHoldDb, 0.01);      // held
        Assert.Equal(-26.02, reading.PeakDb, 0.2);          // fell 20 dB in a second
        Assert.InRange(reading.RmsDb, -31.0, -27.0);             // 0.1 s of sine into a 300 ms window, then 1 s of decay
        Feed(meter, _ => 0f, 1.5, ref frame);
        Assert.True(meter.Read().PeakHoldDb < -50);         // hold released after 2 s
        Feed(meter, _ => 0f, 10, ref frame);
        Assert.Equal(MeterOptions.FloorDb, meter.Read().RmsDb, 1.0);
    }
}
