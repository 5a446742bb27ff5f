using Microsoft.Win32.SafeHandles;

namespace AudioLab.Engine.PortAudio.Interop;

/// <summary>An open <c>PaStream*</c>; releasing it aborts (if still running) and closes the stream.</summary>
internal sealed class PaStreamHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PaStreamHandle() : base(ownsHandle: true) { }

    public PaStreamHandle(IntPtr stream) : base(ownsHandle: true) => SetHandle(stream);

    protected override bool ReleaseHandle()
    {
        if (PortAudioNative.Pa_IsStreamStopped(handle) == 0) PortAudioNative.Pa_AbortStream(handle);
        return PortAudioNative.Pa_CloseStream(handle) == PortAudioNative.PaNoError;
    }
}
