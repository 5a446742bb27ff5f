namespace AudioLab.Server.Audio;

/// <summary>An uploaded file that is not audio we can take; the message is meant for a person.</summary>
public sealed class AudioImportException(string message) : Exception(message);
