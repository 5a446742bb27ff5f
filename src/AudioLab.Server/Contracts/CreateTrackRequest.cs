using System.Text.Json;

namespace AudioLab.Server.Contracts;

/// <summary>Body of <c>POST /api/projects/{id}/tracks</c>; every field is optional.</summary>
public sealed record CreateTrackRequest(
    string? Name = null,
    double? VolumeDb = null,
    double? Pan = null,
    bool? Mute = null,
    bool? Solo = null,
    bool? RecordEnabled = null,
    string? InputDeviceId = null,
    int[]? InputChannels = null,
    bool? MonitoringEnabled = null,
    MonitorMode? MonitorMode = null,
    string? Color = null,
    JsonElement? Effects = null);
