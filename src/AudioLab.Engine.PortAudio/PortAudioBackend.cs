using AudioLab.Engine.Devices;

namespace AudioLab.Engine.PortAudio;

/// <summary>The <c>portaudio</c> backend for <see cref="AudioDeviceCatalog"/>. Control thread; may block.</summary>
public sealed class PortAudioBackend : IAudioBackend
{
    public const string BackendName = "portaudio";

    /// <summary>Sets the JACK client name PortAudio will register under (see <see cref="PortAudioLibrary.JackClientName"/>).</summary>
    public PortAudioBackend(string? jackClientName = null)
    {
        if (!string.IsNullOrWhiteSpace(jackClientName)) PortAudioLibrary.JackClientName = jackClientName;
    }

    public string Name => BackendName;

    public IReadOnlyList<AudioDeviceInfo> ListDevices() => PortAudioCatalog.ListDevices();

    public IAudioDevice? TryCreate(string deviceId)
    {
        if (!deviceId.StartsWith(PortAudioCatalog.IdPrefix, StringComparison.Ordinal)) return null;
        var info = PortAudioCatalog.ListDevices().FirstOrDefault(d => d.Id == deviceId);
        return info is null ? null : new PortAudioDevice(info);
    }

    public IAudioDevice CreateDefault()
    {
        using var lease = PortAudioLibrary.Acquire();
        var entries = PortAudioCatalog.Enumerate();
        var chosen = PortAudioCatalog.ChooseDefault(entries)
            ?? throw new AudioBackendUnavailableException(
                entries.Count == 0
                    ? "PortAudio found no audio devices (is a sound card present, or a JACK server running?)."
                    : "PortAudio found no device with outputs.");
        return new PortAudioDevice(chosen.Info);
    }
}
