namespace AudioLab.Engine.Recording;

/// <summary>A take found by <see cref="CaptureRecovery"/>: its file exists but it never became a clip.</summary>
/// <param name="Closed">Whether the take was closed normally (only the save was lost) or cut by a crash (length = up to the last flush).</param>
public sealed record RecoveredTake(RecordedTake Take, bool Closed);
