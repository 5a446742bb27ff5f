namespace AudioLab.Engine.Devices;

/// <summary>
/// A backend cannot be used here (library missing, no server running, no such device). The message is written for
/// the person running the server, who sees it while the server falls back to the virtual device.
/// </summary>
public sealed class AudioBackendUnavailableException : Exception
{
    public AudioBackendUnavailableException(string message) : base(message) { }

    public AudioBackendUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    public AudioBackendUnavailableException() : base("The audio backend is not available.") { }
}
