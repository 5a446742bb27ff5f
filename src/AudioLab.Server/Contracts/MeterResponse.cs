namespace AudioLab.Server.Contracts;

/// <summary>One meter in dBFS (silence reads -144); <c>clipped</c> stays set until a reset.</summary>
public sealed record MeterResponse(double PeakDb, double RmsDb, double PeakHoldDb, bool Clipped, long ClipCount);
