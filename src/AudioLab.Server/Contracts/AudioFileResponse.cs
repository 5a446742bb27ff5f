namespace AudioLab.Server.Contracts;

/// <summary>The stored audio file behind a clip (at the project rate).</summary>
public sealed record AudioFileResponse(
    Guid Id,
    string? OriginalName,
    int Channels,
    int SampleRate,
    long LengthFrames,
    double LengthSeconds,
    string Sha256);
