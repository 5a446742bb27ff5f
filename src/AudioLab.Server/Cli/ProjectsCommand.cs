using System.CommandLine;
using System.Text.Json;
using AudioLab.Server.Apis;
using AudioLab.Server.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AudioLab.Server.Cli;

/// <summary><c>audiolab projects</c> lists projects as JSON; <c>audiolab projects create NAME</c> makes one.</summary>
public static class ProjectsCommand
{
    public static Command Create()
    {
        var data = CliDatabase.DataOption();
        var list = new Command("projects", "List projects as JSON.") { data };
        list.SetAction(async (parse, ct) =>
        {
            var cli = await CliDatabase.OpenAsync(parse.GetValue(data), ct);
            await using var db = cli.Database.CreateContext();
            var result = await ProjectsApi.ListProjects(db, ct);
            Console.WriteLine(JsonSerializer.Serialize(result.Value, CliDatabase.Json));
            return 0;
        });

        var createData = CliDatabase.DataOption();
        var name = new Argument<string>("name") { Description = "The project's name." };
        var sampleRate = new Option<int?>("--sample-rate") { Description = "Project sample rate in Hz (default 48000)." };
        var create = new Command("create", "Create a project and print it as JSON.") { name, sampleRate, createData };
        create.SetAction(async (parse, ct) =>
        {
            var cli = await CliDatabase.OpenAsync(parse.GetValue(createData), ct);
            await using var db = cli.Database.CreateContext();
            var result = await ProjectsApi.CreateProject(new CreateProjectRequest(parse.GetValue(name), parse.GetValue(sampleRate)), db, ct);
            switch (result.Result)
            {
                case Created<ProjectResponse> created:
                    Console.WriteLine(JsonSerializer.Serialize(created.Value, CliDatabase.Json));
                    return 0;
                case ProblemHttpResult problem:
                    await Console.Error.WriteLineAsync(problem.ProblemDetails.Detail);
                    return 1;
                default:
                    return 1;
            }
        });
        list.Subcommands.Add(create);
        return list;
    }
}
