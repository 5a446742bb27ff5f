namespace AudioLab.Server.Contracts;

/// <summary>The transport: position in seconds and frames, and whether it is moving.</summary>
public sealed record PlaybackPositionResponse(double Position, long Frame, bool IsPlaying);
