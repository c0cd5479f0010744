using Scaffolder.Scaffolding;
using Scaffolder.Scaffolding.Tasks;
using Scaffolder.Scaffolding.Workers;
using Scaffolder.Storage;

namespace Scaffolder.Api.Hosting;

/// <summary>Runs this replica's task workers and the stale-task janitor for the life of the service.</summary>
public sealed class ScaffolderWorkers(
    TaskWorkerPool workers,
    TaskJanitor janitor,
    TaskSecretsProtector secrets,
    ScaffolderOptions options,
    Database database,
    ILogger<ScaffolderWorkers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (secrets.IsEphemeral && database.Provider == DatabaseProvider.Postgres)
        {
            logger.LogWarning(
                "Scaffolder:SecretsKey is not set: task secrets are encrypted with a key only this process knows, so tasks with secrets fail when another replica runs them");
        }

        if (options.Workers <= 0)
        {
            logger.LogInformation("Scaffolder:Workers is {Workers}: this replica serves the API but runs no tasks", options.Workers);
            return janitor.RunAsync(stoppingToken);
        }

        return Task.WhenAll(workers.RunAsync(stoppingToken), janitor.RunAsync(stoppingToken));
    }
}
