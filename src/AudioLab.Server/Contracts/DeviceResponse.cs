namespace AudioLab.Server.Contracts;

/// <summary>An audio device as <c>GET /api/devices</c> lists it; latencies are the backend's own report.</summary>
public sealed record DeviceResponse(
    string Id,
    string Name,
    string HostApi,
    int InputChannels,
    int OutputChannels,
    int DefaultSampleRate,
    int InputLatencyFrames,
    double InputLatencySeconds,
    int OutputLatencyFrames,
    double OutputLatencySeconds);
