namespace AudioLab.Engine.Session;

/// <summary>Where the transport is. Starting = located and waiting (silent) until the disk butler has filled the clip rings.</summary>
public enum TransportState
{
    Stopped,
    Starting,
    Rolling,
}
