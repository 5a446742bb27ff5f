using System.Runtime.InteropServices;

namespace AudioLab.Engine.PortAudio.Interop;

/// <summary>portaudio.h <c>PaDeviceInfo</c>; latencies in seconds.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PaDeviceInfo
{
    public int StructVersion;
    public IntPtr Name;
    public int HostApi;
    public int MaxInputChannels;
    public int MaxOutputChannels;
    public double DefaultLowInputLatency;
    public double DefaultLowOutputLatency;
    public double DefaultHighInputLatency;
    public double DefaultHighOutputLatency;
    public double DefaultSampleRate;
}
