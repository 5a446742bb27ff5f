using System.Text.Json;

namespace AudioLab.Server.Contracts;

/// <summary>
/// Part of the timeline to export. Each end is given in seconds or "bars:beats:ticks" (<c>*_time</c>) or in frames
/// (<c>*_frame</c>); a missing start is 0, a missing end is the end of the last clip.
/// </summary>
public sealed record ExportRangeRequest(
    JsonElement? StartTime = null,
    long? StartFrame = null,
    JsonElement? EndTime = null,
    long? EndFrame = null);
