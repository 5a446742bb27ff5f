using System.Text.Json;

namespace AudioLab.Server.Contracts;

/// <summary>Body of <c>PATCH /api/projects/{id}</c>: fields left out (or null) stay as they are.</summary>
public sealed record UpdateProjectRequest(
    string? Name = null,
    int? SampleRate = null,
    int? BitDepth = null,
    double? Tempo = null,
    string? TimeSignature = null,
    JsonElement? MasterEffects = null);
