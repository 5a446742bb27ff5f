using System.Text.Json;

namespace AudioLab.Server.Contracts;

/// <summary>A project as the API shows it.</summary>
public sealed record ProjectResponse(
    Guid Id,
    string Name,
    int SampleRate,
    int BitDepth,
    double Tempo,
    string TimeSignature,
    JsonElement MasterEffects,
    int TrackCount,
    DateTime CreatedAt,
    DateTime UpdatedAt);
