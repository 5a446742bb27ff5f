using System.Runtime.InteropServices;

namespace AudioLab.Engine.PortAudio.Interop;

/// <summary>portaudio.h <c>PaStreamCallbackTimeInfo</c> (stream-clock seconds).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PaStreamCallbackTimeInfo
{
    public double InputBufferAdcTime;
    public double CurrentTime;
    public double OutputBufferDacTime;
}
