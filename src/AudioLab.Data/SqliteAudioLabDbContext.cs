using Microsoft.EntityFrameworkCore;

namespace AudioLab.Data;

/// <summary>The SQLite flavour; exists so SQLite has its own migration set (Migrations/Sqlite).</summary>
public sealed class SqliteAudioLabDbContext(DbContextOptions<SqliteAudioLabDbContext> options) : AudioLabDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
