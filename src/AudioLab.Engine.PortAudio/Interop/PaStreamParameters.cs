using System.Runtime.InteropServices;

namespace AudioLab.Engine.PortAudio.Interop;

/// <summary>portaudio.h <c>PaStreamParameters</c>. <c>unsigned long</c> is <see cref="CULong"/> so the layout is right on Windows too.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PaStreamParameters
{
    public int Device;
    public int ChannelCount;
    public CULong SampleFormat;
    public double SuggestedLatency;
    public IntPtr HostApiSpecificStreamInfo;
}
