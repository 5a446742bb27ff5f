using System.Runtime.InteropServices;

namespace AudioLab.Engine.PortAudio.Interop;

/// <summary>portaudio.h <c>PaStreamInfo</c>: the running stream's latencies in seconds.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PaStreamInfo
{
    public int StructVersion;
    public double InputLatency;
    public double OutputLatency;
    public double SampleRate;
}
