using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AudioLab.Data;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteAudioLabDbContext</c> build the model without a host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAudioLabDbContext>
{
    public SqliteAudioLabDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAudioLabDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
