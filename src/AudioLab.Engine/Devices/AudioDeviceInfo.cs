namespace AudioLab.Engine.Devices;

/// <summary>A device as listed by <c>GET /api/devices</c>. Latencies are the backend's own report, in frames.</summary>
public sealed record AudioDeviceInfo(
    string Id,
    string Name,
    string HostApi,
    int InputChannels,
    int OutputChannels,
    int DefaultSampleRate,
    int InputLatencyFrames,
    int OutputLatencyFrames);
