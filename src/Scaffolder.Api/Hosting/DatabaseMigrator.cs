using Scaffolder.Storage;
using Scaffolder.Storage.Migrations;

namespace Scaffolder.Api.Hosting;

/// <summary>Brings the schema up to date before the service starts answering.</summary>
public sealed class DatabaseMigrator(Database database, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await MigrationRunner.MigrateAsync(database, cancellationToken);
        if (applied.Count > 0)
        {
            logger.LogInformation("Applied {Count} database migration(s) on {Provider}: {Versions}", applied.Count, database.Provider, string.Join(", ", applied));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
