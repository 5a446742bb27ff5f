namespace AudioLab.Engine.Session;

/// <summary>The request contradicts the session's state (a second recording on a track, stopping a recording that is not running): a 409 at the API.</summary>
public sealed class SessionConflictException : Exception
{
    public SessionConflictException() { }

    public SessionConflictException(string message) : base(message) { }

    public SessionConflictException(string message, Exception innerException) : base(message, innerException) { }
}
