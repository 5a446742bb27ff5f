using System.Runtime.InteropServices;
using System.Text;
using AudioLab.Engine.Devices;
using AudioLab.Engine.PortAudio.Interop;

namespace AudioLab.Engine.PortAudio;

/// <summary>
/// Enumerates PortAudio's host APIs and devices. Ids are built from the host API and the device name (not the index,
/// which changes when devices come and go), e.g. <c>portaudio:jack:system</c>. Control thread; may block.
/// </summary>
public static class PortAudioCatalog
{
    public const string IdPrefix = "portaudio:";

    /// <summary>Every device. Throws <see cref="AudioBackendUnavailableException"/> when PortAudio cannot be loaded.</summary>
    public static IReadOnlyList<AudioDeviceInfo> ListDevices()
    {
        using var lease = PortAudioLibrary.Acquire();
        return [.. Enumerate().Select(e => e.Info)];
    }

    /// <summary>Host API names, in PortAudio's order (diagnostics).</summary>
    public static unsafe IReadOnlyList<string> ListHostApis()
    {
        using var lease = PortAudioLibrary.Acquire();
        var count = PortAudioNative.Pa_GetHostApiCount();
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var info = PortAudioNative.Pa_GetHostApiInfo(i);
            if (info is not null) names.Add(Marshal.PtrToStringUTF8(info->Name) ?? $"host API {i}");
        }
        return names;
    }

    /// <summary>Enumerates under a lease the caller holds.</summary>
    internal static unsafe List<PortAudioDeviceEntry> Enumerate()
    {
        var count = PortAudioNative.Pa_GetDeviceCount();
        if (count < 0) throw new AudioBackendUnavailableException($"PortAudio could not list devices: {PortAudioNative.ErrorText(count)}.");
        var entries = new List<PortAudioDeviceEntry>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < count; index++)
        {
            var device = PortAudioNative.Pa_GetDeviceInfo(index);
            if (device is null) continue;
            var hostApi = PortAudioNative.Pa_GetHostApiInfo(device->HostApi);
            var hostName = hostApi is null ? "unknown" : Marshal.PtrToStringUTF8(hostApi->Name) ?? "unknown";
            var hostSlug = hostApi is null ? "unknown" : HostSlug(hostApi->Type, hostName);
            var name = Marshal.PtrToStringUTF8(device->Name) ?? $"device {index}";
            var id = $"{IdPrefix}{hostSlug}:{Slug(name)}";
            for (var n = 2; !seen.Add(id); n++) id = $"{IdPrefix}{hostSlug}:{Slug(name)}-{n}";
            var rate = device->DefaultSampleRate;
            var isDefault = hostApi is not null && (hostApi->DefaultOutputDevice == index || hostApi->DefaultInputDevice == index);
            var info = new AudioDeviceInfo(id, name, hostName, device->MaxInputChannels, device->MaxOutputChannels, (int)Math.Round(rate),
                (int)Math.Round(device->DefaultLowInputLatency * rate), (int)Math.Round(device->DefaultLowOutputLatency * rate));
            entries.Add(new PortAudioDeviceEntry(info, index, isDefault, device->DefaultLowInputLatency, device->DefaultLowOutputLatency));
        }
        return entries;
    }

    /// <summary>The device a "portaudio" backend without a named device should use: JACK's first, else the system default output.</summary>
    internal static PortAudioDeviceEntry? ChooseDefault(List<PortAudioDeviceEntry> entries)
    {
        var jack = entries.FirstOrDefault(e => e.Info.Id.StartsWith(IdPrefix + "jack:", StringComparison.Ordinal) && e.Info.OutputChannels > 0);
        if (jack is not null) return jack;
        var defaultOutput = PortAudioNative.Pa_GetDefaultOutputDevice();
        return entries.FirstOrDefault(e => e.Index == defaultOutput) ?? entries.FirstOrDefault(e => e.Info.OutputChannels > 0);
    }

    private static string HostSlug(PaHostApiTypeId type, string name) => type switch
    {
        PaHostApiTypeId.Jack => "jack",
        PaHostApiTypeId.Alsa => "alsa",
        PaHostApiTypeId.Oss => "oss",
        PaHostApiTypeId.PulseAudio => "pulse",
        PaHostApiTypeId.CoreAudio => "coreaudio",
        PaHostApiTypeId.Wasapi => "wasapi",
        PaHostApiTypeId.Asio => "asio",
        PaHostApiTypeId.DirectSound => "directsound",
        PaHostApiTypeId.Mme => "mme",
        PaHostApiTypeId.Wdmks => "wdmks",
        _ => Slug(name),
    };

    private static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) builder.Append(ch);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().TrimEnd('-');
    }
}
