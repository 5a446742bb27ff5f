using AudioLab.Engine.Devices;

namespace AudioLab.Engine.Tests.Devices;

public sealed class VirtualDeviceLoopbackTests
{
    [Theory]
    [InlineData(64, 301)]
    [InlineData(128, 301)]
    [InlineData(256, 301)]
    [InlineData(128, 128)]
    [InlineData(64, 1001)]
    public void Output_at_frame_f_returns_as_input_at_exactly_f_plus_latency(int bufferFrames, int latency)
    {
        long[] impulses = [1, 333, 1001, 4097, 9999];
        var callback = new ImpulseCallback(impulses);
        using var device = new VirtualDevice(new VirtualDeviceOptions
        {
            Input = VirtualInputKind.Loopback, LatencyFrames = latency, Clock = VirtualClockMode.Manual,
        });
        device.Start(48_000, bufferFrames, callback);
        device.RunBlocks((int)((impulses[^1] + latency) / bufferFrames) + 2);
        device.Stop();

        var expected = impulses.SelectMany(f => new[] { (f + latency, 0), (f + latency, 1) }).ToArray();
        Assert.Equal(expected, callback.Detections.ToArray());
        var (input, output) = device.StreamLatencyFrames;
        Assert.Equal(latency, input + output);
        Assert.Equal(latency, device.Info.InputLatencyFrames + device.Info.OutputLatencyFrames);
    }

    [Fact]
    public void Loopback_latency_shorter_than_the_buffer_is_refused_with_a_reason()
    {
        using var device = new VirtualDevice(new VirtualDeviceOptions { Input = VirtualInputKind.Loopback, LatencyFrames = 100 });
        var error = Assert.Throws<ArgumentException>(() => device.Start(48_000, 128, new ImpulseCallback([])));
        Assert.Contains("at least the buffer size", error.Message, StringComparison.Ordinal);
        Assert.False(device.IsRunning);
    }

    [Fact]
    public void Loopback_stays_exact_when_the_real_time_clock_runs()
    {
        long[] impulses = [4801, 12_001, 24_577];
        var callback = new ImpulseCallback(impulses);
        using var device = new VirtualDevice(new VirtualDeviceOptions { Input = VirtualInputKind.Loopback, LatencyFrames = 301 });
        device.Start(48_000, 128, callback);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (device.DeviceFrame < 26_000 && DateTime.UtcNow < deadline) Thread.Sleep(20);
        device.Stop();
        // An xrun on this shared machine may swallow an impulse, but whatever comes back must be exactly 301 frames late.
        Assert.NotEmpty(callback.Detections);
        foreach (var (frame, _) in callback.Detections) Assert.Contains(frame - 301, impulses);
    }
}
