using System.CommandLine;

namespace AudioLab.Server.Cli;

/// <summary>The <c>audiolab</c> command tree.</summary>
public static class AudioLabCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("AudioLab: a multitrack recording and mixing server.")
        {
            ServeCommand.Create(),
            ImportCommand.Create(),
            ProjectsCommand.Create(),
        };
        // Bare `audiolab` serves too; host settings such as --environment=Development pass through to the host.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, ct) => ServeCommand.RunAsync([.. parse.UnmatchedTokens], null, null, ct));
        return root;
    }
}
