using System.Text.Json;

namespace AudioLab.Server.Contracts;

/// <summary>A track as the API shows it.</summary>
public sealed record TrackResponse(
    Guid Id,
    Guid ProjectId,
    int Index,
    string Name,
    double VolumeDb,
    double Pan,
    bool Mute,
    bool Solo,
    bool RecordEnabled,
    string? InputDeviceId,
    int[]? InputChannels,
    bool MonitoringEnabled,
    MonitorMode MonitorMode,
    string? Color,
    JsonElement Effects);
