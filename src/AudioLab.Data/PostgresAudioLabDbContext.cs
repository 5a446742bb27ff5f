using Microsoft.EntityFrameworkCore;

namespace AudioLab.Data;

/// <summary>The PostgreSQL flavour; exists so PostgreSQL has its own migration set (Migrations/Postgres).</summary>
public sealed class PostgresAudioLabDbContext(DbContextOptions<PostgresAudioLabDbContext> options) : AudioLabDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
