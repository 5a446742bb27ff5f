using AudioLab.Engine.Devices;

namespace AudioLab.Engine.PortAudio;

/// <summary>A device as PortAudio enumerated it: the public info plus the index valid under the current initialization.</summary>
internal sealed record PortAudioDeviceEntry(AudioDeviceInfo Info, int Index, bool IsHostApiDefault, double LowInputLatency, double LowOutputLatency);
