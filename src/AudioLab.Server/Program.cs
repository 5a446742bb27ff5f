using System.CommandLine;
using AudioLab.Server.Cli;

// `audiolab serve | import | projects`; with no command (or only host --key=value settings, as a test host
// passes) it serves. Exceptions propagate so a test host can stop the program once the app is built.
var command = AudioLabCommandLine.Create();
return await command.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });

/// <summary>Entry point marker for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
