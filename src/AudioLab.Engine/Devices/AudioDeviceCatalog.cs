namespace AudioLab.Engine.Devices;

/// <summary>
/// Every device of every backend, and the device the configuration asks for. When the configured backend cannot run
/// (no library, no server, no device) the default device falls back to the virtual one and <see cref="FallbackReason"/>
/// says why, so the server can show it. Control thread only.
/// </summary>
public sealed class AudioDeviceCatalog
{
    private readonly AudioOptions _options;
    private readonly IReadOnlyList<IAudioBackend> _backends;
    private readonly VirtualAudioBackend _virtual;

    /// <summary>The virtual backend is always present; <paramref name="others"/> are added in order (e.g. PortAudio).</summary>
    public AudioDeviceCatalog(AudioOptions options, VirtualAudioBackend virtualBackend, params IReadOnlyList<IAudioBackend> others)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(virtualBackend);
        options.Validate();
        _options = options;
        _virtual = virtualBackend;
        _backends = [virtualBackend, .. others];
    }

    /// <summary>Builds the catalog from configuration with only the virtual backend; add hardware backends with the other constructor.</summary>
    public static AudioDeviceCatalog VirtualOnly(AudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AudioDeviceCatalog(options, new VirtualAudioBackend(options.Virtual.ToDeviceOptions(options.SampleRate)));
    }

    public AudioOptions Options => _options;

    /// <summary>Why the last <see cref="CreateConfiguredDevice"/> used the virtual device instead of the configured backend; null when it did not.</summary>
    public string? FallbackReason { get; private set; }

    /// <summary>Per backend that could not list its devices, the reason (shown next to <c>GET /api/devices</c>).</summary>
    public IReadOnlyDictionary<string, string> BackendErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>Devices of every backend that can run here. May block (hardware enumeration).</summary>
    public IReadOnlyList<AudioDeviceInfo> ListDevices()
    {
        var devices = new List<AudioDeviceInfo>();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var backend in _backends)
        {
            try
            {
                devices.AddRange(backend.ListDevices());
            }
            catch (AudioBackendUnavailableException ex)
            {
                errors[backend.Name] = ex.Message;
            }
        }
        BackendErrors = errors;
        return devices;
    }

    /// <summary>Creates the device with this id; throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    public IAudioDevice CreateDevice(string deviceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        foreach (var backend in _backends)
        {
            try
            {
                if (backend.TryCreate(deviceId) is { } device) return device;
            }
            catch (AudioBackendUnavailableException)
            {
                // That backend cannot run here; the id may still belong to another one.
            }
        }
        throw new KeyNotFoundException($"No audio device has the id '{deviceId}'.");
    }

    /// <summary>
    /// The device the configuration names (<c>Audio:Backend</c>, <c>Audio:Device</c>); falls back to the virtual device,
    /// with <see cref="FallbackReason"/> set, when that backend or device is unavailable.
    /// </summary>
    public IAudioDevice CreateConfiguredDevice()
    {
        FallbackReason = null;
        var backend = _backends.FirstOrDefault(b => string.Equals(b.Name, _options.Backend, StringComparison.OrdinalIgnoreCase));
        if (backend is null || backend == _virtual)
        {
            if (backend is null && !string.Equals(_options.Backend, VirtualAudioBackend.BackendName, StringComparison.OrdinalIgnoreCase))
                FallbackReason = $"The audio backend '{_options.Backend}' is not available in this build; using the virtual device.";
            return _virtual.CreateDefault();
        }
        try
        {
            if (string.IsNullOrEmpty(_options.Device)) return backend.CreateDefault();
            return backend.TryCreate(_options.Device)
                ?? throw new AudioBackendUnavailableException($"The {backend.Name} backend has no device '{_options.Device}'.");
        }
        catch (AudioBackendUnavailableException ex)
        {
            FallbackReason = $"{ex.Message} Using the virtual device instead.";
            return _virtual.CreateDefault();
        }
    }
}
