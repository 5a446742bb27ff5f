using System.Reflection;
using System.Runtime.InteropServices;

namespace AudioLab.Engine.PortAudio.Interop;

/// <summary>
/// The part of the PortAudio v19 C API we use. The library name is resolved at run time, trying the Debian soname
/// first (<c>libportaudio.so.2</c> from <c>libportaudio2</c>, which ships no unversioned symlink without the -dev
/// package) and then the usual names on other systems.
/// </summary>
internal static unsafe partial class PortAudioNative
{
    private const string Library = "portaudio";

    public const int PaNoError = 0;
    public const int PaNoDevice = -1;
    public const ulong PaFloat32 = 0x00000001;
    public const ulong PaNonInterleaved = 0x80000000;
    public const ulong PaClipOff = 0x00000001;
    public const ulong PaDitherOff = 0x00000002;
    public const ulong PaInputUnderflow = 0x00000001;
    public const ulong PaInputOverflow = 0x00000002;
    public const ulong PaOutputUnderflow = 0x00000004;
    public const ulong PaOutputOverflow = 0x00000008;
    public const int PaContinue = 0;
    public const int PaAbort = 2;

    private static readonly string[] Candidates = OperatingSystem.IsWindows()
        ? ["portaudio.dll", "libportaudio.dll", "portaudio_x64.dll", "libportaudio-2.dll"]
        : OperatingSystem.IsMacOS()
            ? ["libportaudio.2.dylib", "libportaudio.dylib", "/opt/homebrew/lib/libportaudio.2.dylib", "/usr/local/lib/libportaudio.2.dylib"]
            : ["libportaudio.so.2", "libportaudio.so", "portaudio"];

    static PortAudioNative() => NativeLibrary.SetDllImportResolver(typeof(PortAudioNative).Assembly, Resolve);

    /// <summary>The names tried, for error messages.</summary>
    public static string CandidateNames => string.Join(", ", Candidates);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library) return IntPtr.Zero;
        foreach (var candidate in Candidates)
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle)) return handle;
        return IntPtr.Zero;
    }

    [LibraryImport(Library)]
    public static partial int Pa_Initialize();

    [LibraryImport(Library)]
    public static partial int Pa_Terminate();

    [LibraryImport(Library)]
    public static partial IntPtr Pa_GetErrorText(int errorCode);

    [LibraryImport(Library)]
    public static partial IntPtr Pa_GetVersionText();

    [LibraryImport(Library)]
    public static partial int Pa_GetHostApiCount();

    [LibraryImport(Library)]
    public static partial PaHostApiInfo* Pa_GetHostApiInfo(int hostApi);

    [LibraryImport(Library)]
    public static partial int Pa_GetDeviceCount();

    [LibraryImport(Library)]
    public static partial PaDeviceInfo* Pa_GetDeviceInfo(int device);

    [LibraryImport(Library)]
    public static partial int Pa_GetDefaultInputDevice();

    [LibraryImport(Library)]
    public static partial int Pa_GetDefaultOutputDevice();

    [LibraryImport(Library)]
    public static partial int Pa_OpenStream(
        out IntPtr stream,
        PaStreamParameters* inputParameters,
        PaStreamParameters* outputParameters,
        double sampleRate,
        CULong framesPerBuffer,
        CULong streamFlags,
        delegate* unmanaged[Cdecl]<void*, void*, CULong, PaStreamCallbackTimeInfo*, CULong, void*, int> streamCallback,
        void* userData);

    [LibraryImport(Library)]
    public static partial int Pa_StartStream(PaStreamHandle stream);

    [LibraryImport(Library)]
    public static partial int Pa_StopStream(PaStreamHandle stream);

    [LibraryImport(Library)]
    public static partial int Pa_AbortStream(IntPtr stream);

    [LibraryImport(Library)]
    public static partial int Pa_CloseStream(IntPtr stream);

    [LibraryImport(Library)]
    public static partial int Pa_IsStreamStopped(IntPtr stream);

    [LibraryImport(Library)]
    public static partial PaStreamInfo* Pa_GetStreamInfo(PaStreamHandle stream);

    /// <summary>pa_jack.h: keeps the pointer (does not copy the string), and only takes effect before <see cref="Pa_Initialize"/>.</summary>
    [LibraryImport(Library)]
    public static partial int PaJack_SetClientName(IntPtr name);

    /// <summary>Human text for a PortAudio error code.</summary>
    public static string ErrorText(int error) => Marshal.PtrToStringUTF8(Pa_GetErrorText(error)) ?? $"error {error}";
}
