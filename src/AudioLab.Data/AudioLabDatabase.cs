using Microsoft.EntityFrameworkCore;

namespace AudioLab.Data;

/// <summary>
/// Chooses the database from configuration and makes contexts for it: SQLite in the data folder unless
/// the connection string names a PostgreSQL server (it has a <c>Host=</c> key).
/// </summary>
public sealed class AudioLabDatabase
{
    public const string SqliteFileName = "audiolab.db";

    private readonly DbContextOptions<SqliteAudioLabDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresAudioLabDbContext>? _postgres;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    private AudioLabDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == DatabaseProvider.Postgres)
            _postgres = new DbContextOptionsBuilder<PostgresAudioLabDbContext>().UseNpgsql(connectionString).Options;
        else
            _sqlite = new DbContextOptionsBuilder<SqliteAudioLabDbContext>().UseSqlite(connectionString).Options;
    }

    /// <param name="connectionString">The configured <c>ConnectionStrings:AudioLab</c>, or null/empty for the default.</param>
    /// <param name="dataFolder">Where the default SQLite file lives.</param>
    public static AudioLabDatabase FromConfiguration(string? connectionString, string dataFolder)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetFullPath(dataFolder), SqliteFileName)}");
        return IsPostgres(connectionString)
            ? new(DatabaseProvider.Postgres, connectionString)
            : new(DatabaseProvider.Sqlite, connectionString);
    }

    /// <summary>True when the connection string has a Host/Server key, which only PostgreSQL's syntax uses here.</summary>
    public static bool IsPostgres(string connectionString) =>
        connectionString.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase));

    public AudioLabDbContext CreateContext() => Provider == DatabaseProvider.Postgres
        ? new PostgresAudioLabDbContext(_postgres!)
        : new SqliteAudioLabDbContext(_sqlite!);

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
