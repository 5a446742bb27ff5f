namespace AudioLab.Engine.Session;

/// <summary>Commands the control threads send into the audio thread.</summary>
public enum EngineCommandKind
{
    None,
    Play,
    Stop,
    Seek,
    SetLoop,
    SetTrackInput,
    RemoveTrackInput,
    StartRecording,
    StopRecording,
    ResetMeters,
}
