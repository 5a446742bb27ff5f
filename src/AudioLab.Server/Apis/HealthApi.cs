using AudioLab.Data;
using AudioLab.Server.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AudioLab.Server.Apis;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealth).WithTags("Health").WithSummary("Is the server up and its database reachable?");
        return app;
    }

    public static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> GetHealth(AudioLabDbContext db, CancellationToken ct)
    {
        var database = db.Provider.ToString().ToLowerInvariant();
        if (!await db.Database.CanConnectAsync(ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable",
                detail: $"The {database} database cannot be reached.");
        var version = typeof(HealthApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return TypedResults.Ok(new HealthResponse("ok", database, version));
    }
}
