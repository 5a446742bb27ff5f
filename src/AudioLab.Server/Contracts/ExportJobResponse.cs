using AudioLab.Server.Export;

namespace AudioLab.Server.Contracts;

/// <summary>An export job as the API shows it. <see cref="Result"/> is set when done, <see cref="Error"/> when failed.</summary>
public sealed record ExportJobResponse(
    Guid Id,
    Guid ProjectId,
    ExportStatus Status,
    double Progress,
    string Format,
    string BitDepth,
    int SampleRate,
    long StartFrame,
    double StartTime,
    long EndFrame,
    double EndTime,
    bool Normalize,
    bool Stems,
    bool Dither,
    ulong DitherSeed,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    ExportResultResponse? Result,
    string? Error);
