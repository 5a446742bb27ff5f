using AudioLab.Engine.Rendering;

namespace AudioLab.Server.Export;

/// <summary>The changing part of an <see cref="ExportJob"/>, copied at one instant.</summary>
/// <param name="Result">Set when <see cref="Status"/> is done.</param>
/// <param name="Error">Set when <see cref="Status"/> is failed: what went wrong, in words for a person.</param>
public sealed record ExportJobState(ExportStatus Status, double Progress, ExportResult? Result, string? Error, DateTime? StartedAt, DateTime? FinishedAt);
