namespace AudioLab.Engine.Devices;

/// <summary>The always-available backend: one virtual device built from configuration.</summary>
public sealed class VirtualAudioBackend(VirtualDeviceOptions options) : IAudioBackend
{
    public const string BackendName = "virtual";

    public string Name => BackendName;

    public IReadOnlyList<AudioDeviceInfo> ListDevices()
    {
        using var device = new VirtualDevice(options);
        return [device.Info];
    }

    public IAudioDevice? TryCreate(string deviceId) =>
        string.Equals(deviceId, options.Id, StringComparison.Ordinal) ? new VirtualDevice(options) : null;

    public IAudioDevice CreateDefault() => new VirtualDevice(options);
}
