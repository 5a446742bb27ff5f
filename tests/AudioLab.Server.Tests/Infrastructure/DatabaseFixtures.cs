namespace AudioLab.Server.Tests.Infrastructure;

/// <summary>
/// One app per database for the whole test run: SQLite in a temporary data folder, and PostgreSQL in a
/// database created for this run (from <c>AUDIOLAB_TEST_PG</c>; without it the PostgreSQL cases fail).
/// </summary>
public sealed class DatabaseFixtures : IAsyncDisposable
{
    private readonly Dictionary<string, AudioLabFactory> _factories = [];
    private readonly List<string> _folders = [];
    private PostgresTestDatabase? _postgres;

    public async Task<AudioLabFactory> GetAsync(string provider)
    {
        if (_factories.TryGetValue(provider, out var existing)) return existing;
        var folder = Path.Combine(Path.GetTempPath(), $"audiolab-tests-{provider}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        string? connectionString = null;
        if (provider == Db.Postgres)
        {
            _postgres = await PostgresTestDatabase.CreateAsync();
            connectionString = _postgres.ConnectionString;
        }
        var factory = new AudioLabFactory(folder, connectionString);
        _ = factory.Server; // start the host now: migrations run here, not inside the first request
        _factories[provider] = factory;
        return factory;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories.Values) await factory.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        foreach (var folder in _folders)
        {
            // Stored audio is read-only by design; the folder itself can still be removed.
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
