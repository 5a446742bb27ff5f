using System.Text.Json;

namespace AudioLab.Server.Contracts;

/// <summary>
/// Body of <c>PATCH /api/tracks/{id}</c>: fields left out (or null) stay as they are. An empty string
/// clears <see cref="InputDeviceId"/> or <see cref="Color"/>; an empty array clears <see cref="InputChannels"/>.
/// </summary>
public sealed record UpdateTrackRequest(
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
