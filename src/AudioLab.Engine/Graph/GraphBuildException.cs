namespace AudioLab.Engine.Graph;

/// <summary>The project cannot be turned into a graph (a missing or unreadable audio file, a sample-rate mismatch).</summary>
public sealed class GraphBuildException : Exception
{
    public GraphBuildException() { }

    public GraphBuildException(string message) : base(message) { }

    public GraphBuildException(string message, Exception innerException) : base(message, innerException) { }
}
