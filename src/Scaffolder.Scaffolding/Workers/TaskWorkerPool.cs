using Microsoft.Extensions.Logging;
using Scaffolder.Scaffolding.Tasks;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Workers;

/// <summary>
/// This process's workers: <see cref="ScaffolderOptions.Workers"/> loops that each claim the oldest
/// open task and run it, waking at once on work created here and polling for work created elsewhere.
/// </summary>
public sealed class TaskWorkerPool(
    TaskStore store,
    TaskExecution execution,
    TaskSignals signals,
    ScaffolderOptions options,
    TimeProvider time,
    ILogger<TaskWorkerPool> logger)
{
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs the workers until <paramref name="stopping"/> is signalled; running tasks are abandoned to recovery.</summary>
    public Task RunAsync(CancellationToken stopping)
    {
        var count = Math.Max(0, options.Workers);
        logger.LogInformation("Starting {Count} scaffolder worker(s) as {Instance}", count, _instance);
        return Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => WorkAsync($"{_instance}/w{i}", stopping), CancellationToken.None)));
    }

    /// <summary>Claims and runs one task, if there is one; false when there was none.</summary>
    public async Task<bool> RunOneAsync(string worker, CancellationToken stopping)
    {
        var claim = await store.ClaimAsync(Guid.NewGuid().ToString("N"), worker, time.GetUtcNow().UtcDateTime, stopping);
        if (claim is null)
        {
            return false;
        }

        logger.LogInformation("Worker {Worker} claimed task {TaskId} (run {Run})", worker, claim.Id, claim.ClaimCount);
        await execution.RunAsync(claim, stopping);
        return true;
    }

    private async Task WorkAsync(string worker, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!await RunOneAsync(worker, stopping))
                {
                    await signals.WaitForWorkAsync(options.PollInterval, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable; keep the worker alive and try again.
                logger.LogError("Scaffolder worker {Worker} failed to claim work: {Message}", worker, e.Message);
                try
                {
                    await Task.Delay(options.PollInterval, time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
