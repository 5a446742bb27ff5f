using System.Text.Json;

namespace AudioLab.Server.Contracts;

/// <summary>Body of <c>POST /api/projects</c>; only <see cref="Name"/> is required.</summary>
public sealed record CreateProjectRequest(
    string? Name,
    int? SampleRate = null,
    int? BitDepth = null,
    double? Tempo = null,
    string? TimeSignature = null,
    JsonElement? MasterEffects = null);
