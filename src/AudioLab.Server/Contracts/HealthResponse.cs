namespace AudioLab.Server.Contracts;

/// <summary>Answer of <c>GET /api/health</c>.</summary>
public sealed record HealthResponse(string Status, string Database, string Version);
