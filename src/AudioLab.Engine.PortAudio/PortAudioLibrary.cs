using System.Runtime.InteropServices;
using AudioLab.Engine.Devices;
using AudioLab.Engine.PortAudio.Interop;

namespace AudioLab.Engine.PortAudio;

/// <summary>
/// Reference-counted <c>Pa_Initialize</c>/<c>Pa_Terminate</c>: each user holds a lease, PortAudio is initialized by the
/// first and terminated after the last. Device indices are only meaningful while a lease is held. Control threads only.
/// </summary>
public static class PortAudioLibrary
{
    private static readonly Lock Gate = new();
    private static int _leases;
    private static IntPtr _jackClientName;
    private static string _requestedClientName = "AudioLab";

    /// <summary>
    /// The JACK client name used at the next initialization (ports become NAME:in_0, NAME:out_0, ...). JACK reads it when
    /// PortAudio initializes, so a change while leases are held applies only after every lease has been released.
    /// </summary>
    public static string JackClientName
    {
        get { lock (Gate) return _requestedClientName; }
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            lock (Gate) _requestedClientName = value;
        }
    }

    /// <summary>The version string of the loaded library; throws <see cref="AudioBackendUnavailableException"/> if it cannot be loaded.</summary>
    public static string VersionText
    {
        get
        {
            using var lease = Acquire();
            return Marshal.PtrToStringUTF8(PortAudioNative.Pa_GetVersionText()) ?? "unknown";
        }
    }

    /// <summary>
    /// Initializes PortAudio if needed and returns a lease that releases it. Throws
    /// <see cref="AudioBackendUnavailableException"/> with an installation hint when the library is missing or fails.
    /// </summary>
    public static IDisposable Acquire()
    {
        lock (Gate)
        {
            if (_leases == 0) Initialize();
            _leases++;
            return new Lease();
        }
    }

    private static void Initialize()
    {
        try
        {
            SetJackClientName();
            var error = PortAudioNative.Pa_Initialize();
            if (error != PortAudioNative.PaNoError)
                throw new AudioBackendUnavailableException($"PortAudio failed to initialize: {PortAudioNative.ErrorText(error)} ({error}).");
        }
        catch (DllNotFoundException ex)
        {
            throw new AudioBackendUnavailableException(
                $"The PortAudio library was not found (tried {PortAudioNative.CandidateNames}). On Debian/Ubuntu install it with 'apt-get install libportaudio2'.", ex);
        }
        catch (EntryPointNotFoundException ex)
        {
            throw new AudioBackendUnavailableException($"The PortAudio library found is not a usable PortAudio v19: {ex.Message}", ex);
        }
    }

    private static void SetJackClientName()
    {
        // PortAudio keeps the pointer it is given, so the string lives in native memory until the next initialization.
        var previous = _jackClientName;
        _jackClientName = Marshal.StringToCoTaskMemUTF8(_requestedClientName);
        try
        {
            PortAudioNative.PaJack_SetClientName(_jackClientName);
        }
        catch (EntryPointNotFoundException)
        {
            // A PortAudio built without JACK has no such function; nothing to name.
        }
        if (previous != IntPtr.Zero) Marshal.FreeCoTaskMem(previous);
    }

    private static void Release()
    {
        lock (Gate)
        {
            if (--_leases == 0) PortAudioNative.Pa_Terminate();
        }
    }

    private sealed class Lease : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Release();
        }
    }
}
