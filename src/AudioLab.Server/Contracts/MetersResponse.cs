namespace AudioLab.Server.Contracts;

/// <summary>
/// Every meter of a project's live session: device inputs (by channel), tracks (post-fader) and master (what the device
/// plays, monitoring included). <c>is_live</c> is false, and the lists are empty, while the project has no live session.
/// </summary>
public sealed record MetersResponse(
    Guid ProjectId,
    bool IsLive,
    string? DeviceId,
    IReadOnlyList<MeterResponse> Inputs,
    IReadOnlyList<TrackMetersResponse> Tracks,
    MeterResponse? MasterLeft,
    MeterResponse? MasterRight);
