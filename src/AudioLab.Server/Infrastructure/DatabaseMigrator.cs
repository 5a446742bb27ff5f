using AudioLab.Data;

namespace AudioLab.Server.Infrastructure;

/// <summary>
/// Prepares the data folder and migrates the database before the server accepts requests
/// (<see cref="IHostedLifecycleService.StartingAsync"/> runs before any hosted service starts, Kestrel included).
/// </summary>
internal sealed class DatabaseMigrator(AudioLabDatabase database, DataFolder dataFolder, ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        dataFolder.EnsureCreated();
        dataFolder.ClearTemp();
        logger.LogInformation("Data folder {Folder}; migrating the {Provider} database", dataFolder.Root, database.Provider);
        await database.MigrateAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
