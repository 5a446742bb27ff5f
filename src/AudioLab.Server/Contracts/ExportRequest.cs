using System.Text.Json;

namespace AudioLab.Server.Contracts;

/// <summary>
/// Body of <c>POST /api/projects/{id}/export</c>; every field is optional. <see cref="BitDepth"/> is "16", "24", "32" or "32f"
/// (16, 24 and 32 as numbers too; default: the project's bit depth). <see cref="Range"/> left out = the whole project.
/// </summary>
public sealed record ExportRequest(
    string? Format = null,
    JsonElement? BitDepth = null,
    int? SampleRate = null,
    ExportRangeRequest? Range = null,
    bool? Normalize = null,
    double? NormalizePeakDb = null,
    bool? Stems = null,
    bool? Dither = null,
    ulong? DitherSeed = null);
