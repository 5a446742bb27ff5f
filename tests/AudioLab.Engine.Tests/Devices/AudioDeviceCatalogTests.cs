using AudioLab.Engine.Devices;

namespace AudioLab.Engine.Tests.Devices;

public sealed class AudioDeviceCatalogTests
{
    [Fact]
    public void Virtual_device_is_always_listed_with_its_latencies()
    {
        var options = new AudioOptions { Virtual = { Input = "loopback", LatencyFrames = 301 } };
        var catalog = AudioDeviceCatalog.VirtualOnly(options);
        var device = Assert.Single(catalog.ListDevices());
        Assert.Equal("virtual", device.Id);
        Assert.Equal("Virtual", device.HostApi);
        Assert.Equal((2, 2, 48_000), (device.InputChannels, device.OutputChannels, device.DefaultSampleRate));
        Assert.Equal(301, device.InputLatencyFrames + device.OutputLatencyFrames);
        using var created = catalog.CreateDevice("virtual");
        Assert.IsType<VirtualDevice>(created);
        Assert.Throws<KeyNotFoundException>(() => catalog.CreateDevice("portaudio:jack:nothing"));
    }

    [Fact]
    public void Configured_backend_that_is_not_available_falls_back_to_virtual_with_a_reason()
    {
        var catalog = AudioDeviceCatalog.VirtualOnly(new AudioOptions { Backend = "portaudio" });
        using var device = catalog.CreateConfiguredDevice();
        Assert.IsType<VirtualDevice>(device);
        Assert.Contains("portaudio", catalog.FallbackReason, StringComparison.Ordinal);

        var plain = AudioDeviceCatalog.VirtualOnly(new AudioOptions());
        using var virtualDevice = plain.CreateConfiguredDevice();
        Assert.Null(plain.FallbackReason);
    }

    [Theory]
    [InlineData("silence", VirtualInputKind.Silence)]
    [InlineData("Sine", VirtualInputKind.Sine)]
    [InlineData("LOOPBACK", VirtualInputKind.Loopback)]
    [InlineData("", VirtualInputKind.Silence)]
    public void Virtual_input_setting_maps_to_a_source(string setting, VirtualInputKind expected)
    {
        var options = new VirtualAudioOptions { Input = setting, Output = " " }.ToDeviceOptions(48_000);
        Assert.Equal(expected, options.Input);
        Assert.Null(options.OutputPath);
    }

    [Fact]
    public void Virtual_input_setting_accepts_an_existing_wav_and_explains_anything_else()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audiolab-cat-{Guid.NewGuid():N}.wav");
        try
        {
            TestWav.WriteRamp(path, 1, 10);
            var options = new VirtualAudioOptions { Input = path }.ToDeviceOptions(48_000);
            Assert.Equal((VirtualInputKind.File, path), (options.Input, options.InputFile));
        }
        finally
        {
            File.Delete(path);
        }
        var error = Assert.Throws<ArgumentException>(() => new VirtualAudioOptions { Input = "/no/such/file.wav" }.ToDeviceOptions(48_000));
        Assert.Contains("Audio:Virtual:Input", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jack", 128, "Audio:Backend")]
    [InlineData("virtual", 4, "Audio:BufferFrames")]
    public void Invalid_settings_name_the_key(string backend, int bufferFrames, string key)
    {
        var error = Assert.Throws<ArgumentException>(() => new AudioOptions { Backend = backend, BufferFrames = bufferFrames }.Validate());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
