namespace AudioLab.Engine.Monitoring;

/// <summary>
/// Software input monitoring of a track. <see cref="Auto"/> monitors while the track is armed (the default of most DAWs'
/// "auto input" for a track you are about to record on); <see cref="On"/> always monitors the assigned input;
/// <see cref="Off"/> never does, for interfaces with direct (hardware) monitoring so the performer is not doubled.
/// </summary>
public enum MonitorMode
{
    Auto,
    On,
    Off,
}
