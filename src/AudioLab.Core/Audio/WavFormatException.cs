namespace AudioLab.Core.Audio;

/// <summary>A file that is not a WAV file we can read; the message is meant for a person.</summary>
public sealed class WavFormatException(string message) : Exception(message);
