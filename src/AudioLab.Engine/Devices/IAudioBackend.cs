namespace AudioLab.Engine.Devices;

/// <summary>One family of devices (virtual, PortAudio). Control thread only; methods may block and do I/O.</summary>
public interface IAudioBackend
{
    /// <summary>Name used by the <c>Audio:Backend</c> setting ("virtual", "portaudio").</summary>
    string Name { get; }

    /// <summary>Lists the devices; throws <see cref="AudioBackendUnavailableException"/> when the backend cannot run here.</summary>
    IReadOnlyList<AudioDeviceInfo> ListDevices();

    /// <summary>Creates the device with this id, or null when the id is not one of this backend's.</summary>
    IAudioDevice? TryCreate(string deviceId);

    /// <summary>Creates this backend's default device; throws <see cref="AudioBackendUnavailableException"/> when there is none.</summary>
    IAudioDevice CreateDefault();
}
