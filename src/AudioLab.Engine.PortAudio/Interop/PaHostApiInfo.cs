using System.Runtime.InteropServices;

namespace AudioLab.Engine.PortAudio.Interop;

/// <summary>portaudio.h <c>PaHostApiInfo</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PaHostApiInfo
{
    public int StructVersion;
    public PaHostApiTypeId Type;
    public IntPtr Name;
    public int DeviceCount;
    public int DefaultInputDevice;
    public int DefaultOutputDevice;
}
