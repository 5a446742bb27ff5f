namespace AudioLab.Server.Export;

/// <summary>Where an export job is in its life: queued -> running -> done or failed.</summary>
public enum ExportStatus
{
    Queued,
    Running,
    Done,
    Failed,
}
