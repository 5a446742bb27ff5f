namespace AudioLab.Server.Contracts;

/// <summary>When a track's input is heard: auto = while armed, on = always, off = never.</summary>
public enum MonitorMode
{
    Auto,
    On,
    Off,
}
