namespace AudioLab.Engine.Session;

/// <summary>The audio thread's command queue is full (the engine is not keeping up or not running); the command was not sent.</summary>
public sealed class EngineQueueFullException : Exception
{
    public EngineQueueFullException() : base("The engine's command queue is full; try again.") { }

    public EngineQueueFullException(string message) : base(message) { }

    public EngineQueueFullException(string message, Exception innerException) : base(message, innerException) { }
}
