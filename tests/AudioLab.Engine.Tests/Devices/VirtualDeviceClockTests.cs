using System.Diagnostics;
using AudioLab.Engine.Devices;

namespace AudioLab.Engine.Tests.Devices;

public sealed class VirtualDeviceClockTests
{
    [Fact]
    public void Real_time_clock_delivers_periods_at_the_block_rate()
    {
        var callback = new RecordingCallback(2, 1);
        using var device = new VirtualDevice(new VirtualDeviceOptions());
        var stopwatch = Stopwatch.StartNew();
        device.Start(48_000, 128, callback);
        Thread.Sleep(2000);
        device.Stop();
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var expectedCallbacks = elapsed * 48_000 / 128;
        // A behaviour check, not a speed claim: the clock neither races nor crawls.
        Assert.InRange(device.CallbackCount, expectedCallbacks * 0.5, expectedCallbacks * 1.02);
        Assert.InRange(device.DeviceFrame / 48_000.0, elapsed * 0.9, elapsed * 1.02);
        Assert.Equal(device.CallbackCount, callback.Callbacks);
        Assert.Equal(device.XrunCount, callback.XrunBlocks);
        Assert.Equal(device.XrunCount, callback.FrameGaps);
    }

    [Fact]
    public void A_late_period_is_dropped_counted_and_flagged_without_breaking_the_frame_clock()
    {
        var stall = new StallingCallback(stallAtCallback: 40, stall: TimeSpan.FromMilliseconds(30));
        using var device = new VirtualDevice(new VirtualDeviceOptions());
        device.Start(48_000, 128, stall);
        Thread.Sleep(500);
        device.Stop();
        Assert.True(device.XrunCount >= 1);
        Assert.True(device.DroppedFrames >= 128 * 10, $"dropped {device.DroppedFrames} frames for a 30 ms stall");
        Assert.Equal(0, device.DroppedFrames % 128);
        Assert.True(stall.SawXrunFlag);
        Assert.Equal(device.DeviceFrame, device.CallbackCount * 128 + device.DroppedFrames);
    }

    [Fact]
    public void Freewheel_runs_faster_than_real_time_and_manual_runs_exactly_the_blocks_asked()
    {
        var callback = new RecordingCallback(2, 1);
        using var freewheel = new VirtualDevice(new VirtualDeviceOptions { Clock = VirtualClockMode.Freewheel });
        var stopwatch = Stopwatch.StartNew();
        freewheel.Start(48_000, 128, callback);
        Thread.Sleep(300);
        freewheel.Stop();
        Assert.True(freewheel.DeviceFrame / 48_000.0 > stopwatch.Elapsed.TotalSeconds, "freewheel should outrun the wall clock");
        Assert.Equal(0, freewheel.XrunCount);

        var manualCallback = new RecordingCallback(2, 1);
        using var manual = new VirtualDevice(new VirtualDeviceOptions { Clock = VirtualClockMode.Manual });
        manual.Start(48_000, 64, manualCallback);
        manual.RunBlocks(10);
        manual.RunBlocks(5);
        Assert.Equal(15, manual.CallbackCount);
        Assert.Equal(15 * 64, manual.DeviceFrame);
        Assert.Equal(15 * 64, manualCallback.LastDeviceFrame);
        manual.Stop();
        Assert.Throws<InvalidOperationException>(() => manual.RunBlocks(1));
    }

    [Fact]
    public void A_callback_that_throws_stops_the_clock_and_is_reported()
    {
        using var device = new VirtualDevice(new VirtualDeviceOptions { Clock = VirtualClockMode.Freewheel });
        device.Start(48_000, 128, new ThrowingCallback());
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (device.IsRunning && DateTime.UtcNow < deadline) Thread.Sleep(10);
        Assert.False(device.IsRunning);
        Assert.IsType<InvalidOperationException>(device.Fault);
        device.Stop();
    }

    [Theory]
    [InlineData(VirtualClockMode.RealTime, 300)]
    [InlineData(VirtualClockMode.Freewheel, 5000)]
    public void The_clock_thread_allocates_nothing_around_the_callback(VirtualClockMode clock, int blocks)
    {
        var input = Path.Combine(Path.GetTempPath(), $"audiolab-alloc-in-{Guid.NewGuid():N}.wav");
        var output = Path.Combine(Path.GetTempPath(), $"audiolab-alloc-out-{Guid.NewGuid():N}.wav");
        try
        {
            TestWav.WriteRamp(input, channels: 2, frames: 10_000);
            foreach (var kind in new[] { VirtualInputKind.Loopback, VirtualInputKind.Sine, VirtualInputKind.File, VirtualInputKind.Silence })
            {
                var callback = new RecordingCallback(2, 1, measureFrom: 20, measureTo: blocks);
                using var device = new VirtualDevice(new VirtualDeviceOptions
                {
                    Input = kind, InputFile = input, LatencyFrames = 301, OutputPath = output, Clock = clock,
                });
                device.Start(48_000, 128, callback);
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (callback.AllocatedBytes < 0 && DateTime.UtcNow < deadline) Thread.Sleep(20);
                device.Stop();
                Assert.True(callback.AllocatedBytes == 0, $"{kind}/{clock}: {callback.AllocatedBytes} bytes allocated on the clock thread");
            }
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private sealed class StallingCallback(int stallAtCallback, TimeSpan stall) : IAudioCallback
    {
        private int _calls;

        public bool SawXrunFlag { get; private set; }

        public void Process(AudioBlock block)
        {
            if (block.Xrun) SawXrunFlag = true;
            if (++_calls == stallAtCallback) Thread.Sleep(stall); // simulates an engine that overran its period
        }
    }

    private sealed class ThrowingCallback : IAudioCallback
    {
        private int _calls;

        public void Process(AudioBlock block)
        {
            if (++_calls == 3) throw new InvalidOperationException("engine bug");
        }
    }
}
