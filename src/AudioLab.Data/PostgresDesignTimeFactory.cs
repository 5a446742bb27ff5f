using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AudioLab.Data;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresAudioLabDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAudioLabDbContext>
{
    public PostgresAudioLabDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAudioLabDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
