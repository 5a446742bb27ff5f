using AudioLab.Data;

namespace AudioLab.Server.Live;

/// <summary>
/// After any successful edit through the API (POST/PATCH/PUT/DELETE under <c>/api/</c>, transport and recording calls
/// aside), rebuilds the live sessions' graphs from the database, so a volume, mute or moved clip is heard from the next
/// block while playing. One place instead of a hook in every endpoint; costs nothing while no project is live.
/// </summary>
internal static class LiveGraphRefresh
{
    public static WebApplication UseLiveGraphRefresh(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || context.Response.StatusCode >= 300) return;
            var path = request.Path.Value ?? "";
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || path.Contains("/playback/", StringComparison.Ordinal)
                || path.Contains("/record/", StringComparison.Ordinal) || path.Contains("/meters", StringComparison.Ordinal)) return;
            var sessions = context.RequestServices.GetRequiredService<SessionManager>();
            if (!sessions.HasLiveSessions) return;
            await sessions.RefreshAllAsync(context.RequestServices.GetRequiredService<AudioLabDbContext>(), CancellationToken.None);
        });
        return app;
    }
}
