using System.Diagnostics;
using AudioLab.Engine.Devices;
using AudioLab.Engine.PortAudio;

namespace AudioLab.Device.Tests;

/// <summary>Real PortAudio on a real (dummy-driver) JACK server. One class, so streams never overlap.</summary>
public sealed class PortAudioJackTests(JackServer jack, ITestOutputHelper output)
{
    private const string JackHostApi = "JACK Audio Connection Kit";

    [Fact]
    public void Jack_host_api_and_its_device_are_enumerated()
    {
        Assert.True(jack.StartedByTests || JackServer.Ports().Length > 0);
        Assert.Contains(JackHostApi, PortAudioCatalog.ListHostApis());
        var device = FindJackDevice();
        output.WriteLine($"{device} (PortAudio {PortAudioLibrary.VersionText})");
        Assert.StartsWith("portaudio:jack:", device.Id, StringComparison.Ordinal);
        Assert.True(device.InputChannels >= 1 && device.OutputChannels >= 1);
        Assert.Equal(48_000, device.DefaultSampleRate);
        Assert.True(device.InputLatencyFrames > 0 && device.OutputLatencyFrames > 0);
    }

    [Fact]
    public void Catalog_lists_virtual_and_jack_and_opens_the_configured_portaudio_device()
    {
        var options = new AudioOptions { Backend = "portaudio", JackClientName = JackServer.ClientName };
        var catalog = new AudioDeviceCatalog(options, new VirtualAudioBackend(options.Virtual.ToDeviceOptions(48_000)), new PortAudioBackend());
        var devices = catalog.ListDevices();
        Assert.Contains(devices, d => d.Id == VirtualDevice.DefaultId);
        Assert.Contains(devices, d => d.HostApi == JackHostApi);
        Assert.Empty(catalog.BackendErrors);
        using var device = catalog.CreateConfiguredDevice();
        Assert.Null(catalog.FallbackReason);
        Assert.IsType<PortAudioDevice>(device);
        Assert.Equal(JackHostApi, device.Info.HostApi);
        Assert.Throws<KeyNotFoundException>(() => catalog.CreateDevice("portaudio:jack:no-such-device"));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(256)]
    public void A_click_comes_back_through_jack_loopback_at_exactly_the_reported_latency_with_no_allocation_in_the_callback(int bufferFrames)
    {
        var measureTo = 50 + 96_000 / bufferFrames; // about two seconds of callbacks
        var probe = new LoopbackProbe(measureFrom: 50, measureTo: measureTo);
        using var device = new PortAudioDevice(FindJackDevice());
        device.Start(48_000, bufferFrames, probe);
        Assert.True(device.IsRunning);
        var (inputLatency, outputLatency) = device.StreamLatencyFrames;
        var roundTrip = inputLatency + outputLatency;
        output.WriteLine($"{bufferFrames} frames per buffer; reported latency: input {inputLatency} + output {outputLatency} = {roundTrip} frames");
        Assert.True(roundTrip > 0);

        WireOutputToInput();
        // Rate window: from a running stream to just before Stop (opening the stream is not part of the rate).
        var stopwatch = Stopwatch.StartNew();
        var firstFrame = device.DeviceFrame;
        var firstCallbacks = device.CallbackCount;
        var measured = new List<long>();
        long[] offsets = [4801, 7777, 12_345]; // odd frames, inside a block
        foreach (var offset in offsets)
        {
            var click = device.DeviceFrame + offset;
            probe.ClickAt(click);
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (probe.DetectedFrame < 0 && DateTime.UtcNow < deadline) Thread.Sleep(10);
            Assert.True(probe.DetectedFrame >= 0, $"the click at frame {click} never came back (device at frame {device.DeviceFrame})");
            measured.Add(probe.DetectedFrame - click);
        }
        output.WriteLine($"measured round trip: {string.Join(", ", measured)} frames");

        var deadlineForAllocations = DateTime.UtcNow.AddSeconds(10);
        while (probe.AllocatedBytes < 0 && DateTime.UtcNow < deadlineForAllocations) Thread.Sleep(10);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var callbacks = device.CallbackCount - firstCallbacks;
        var frames = device.DeviceFrame - firstFrame;
        device.Stop();
        Assert.False(device.IsRunning);
        Assert.Null(device.Fault);

        output.WriteLine($"{callbacks} callbacks, {frames} frames in {elapsed:F2} s ({frames / elapsed:F0} frames/s); xruns {device.XrunCount} (input {device.InputXruns}, output {device.OutputXruns}); allocated in callback: {probe.AllocatedBytes} bytes over {measureTo - 50} callbacks");
        Assert.All(measured, m => Assert.Equal(roundTrip, m));
        Assert.Equal(0, probe.AllocatedBytes);
        // A behaviour check (real-time, not freewheeling), not a speed claim: shared CI machines run slow under load.
        Assert.InRange(frames / elapsed, 48_000 * 0.5, 48_000 * 1.1);
        // After Stop no callback runs, so the device's clock and the engine's view of it must agree exactly.
        Assert.Equal(device.DeviceFrame, probe.FrameNow);
        Assert.True(probe.Callbacks >= device.CallbackCount, "the engine saw fewer periods than the device delivered");
        Assert.True(device.XrunCount <= callbacks);
    }

    [Fact]
    public void Opening_a_device_that_is_gone_explains_itself()
    {
        var ghost = FindJackDevice() with { Id = "portaudio:jack:unplugged", Name = "unplugged" };
        using var device = new PortAudioDevice(ghost);
        var error = Assert.Throws<AudioBackendUnavailableException>(() => device.Start(48_000, 128, new LoopbackProbe(1, 2)));
        Assert.Contains("unplugged", error.Message, StringComparison.Ordinal);
        Assert.False(device.IsRunning);
    }

    private static AudioDeviceInfo FindJackDevice() =>
        PortAudioCatalog.ListDevices().FirstOrDefault(d => d.HostApi == JackHostApi && d.InputChannels > 0 && d.OutputChannels > 0)
        ?? throw new InvalidOperationException("PortAudio lists no JACK duplex device although a JACK server runs.");

    /// <summary>Connects our out_0 to our in_0 and removes PortAudio's automatic connection from the system capture port.</summary>
    private void WireOutputToInput()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        string? outPort = null, inPort = null;
        while ((outPort is null || inPort is null) && DateTime.UtcNow < deadline)
        {
            var ports = JackServer.Ports();
            outPort = ports.FirstOrDefault(p => p.StartsWith(JackServer.ClientName, StringComparison.Ordinal) && p.EndsWith(":out_0", StringComparison.Ordinal));
            inPort = ports.FirstOrDefault(p => p.StartsWith(JackServer.ClientName, StringComparison.Ordinal) && p.EndsWith(":in_0", StringComparison.Ordinal));
            if (outPort is null || inPort is null) Thread.Sleep(50);
        }
        Assert.True(outPort is not null && inPort is not null, $"our JACK ports are missing: {string.Join(", ", JackServer.Ports())}");
        output.WriteLine($"jack_connect {outPort} {inPort}");
        JackServer.Run("jack_disconnect", $"system:capture_1 {inPort}", out _);
        var code = JackServer.Run("jack_connect", $"{outPort} {inPort}", out var text);
        Assert.True(code == 0, $"jack_connect failed: {text}");
    }
}
