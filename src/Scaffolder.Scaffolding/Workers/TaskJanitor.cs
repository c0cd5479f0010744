using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Scaffolder.Scaffolding.Tasks;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Workers;

/// <summary>
/// Finds processing tasks whose worker stopped heartbeating (it died, or lost the database) and
/// settles them as Backstage does: a template that may <c>startOver</c> is put back to <c>open</c> with
/// a <c>recovered</c> event; any other task fails, with its hung step marked failed.
/// </summary>
public sealed class TaskJanitor(TaskStore store, TaskSignals signals, ScaffolderOptions options, TimeProvider time, ILogger<TaskJanitor> logger)
{
    public const string StaleStepMessage = "This task was marked as stale as it exceeded its timeout";
    public const string LostWorkerMessage = "The task was cancelled because the task worker lost connection to the task broker";

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stopping);
                await Task.Delay(options.JanitorInterval, time, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError("Looking for stale scaffolder tasks failed: {Message}", e.Message);
                try
                {
                    await Task.Delay(options.JanitorInterval, time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Settles every task that is stale now; returns how many were recovered and failed.</summary>
    public async Task<(int Recovered, int Failed)> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - options.HeartbeatTimeout;
        var (recovered, failed) = (0, 0);
        foreach (var task in await store.FindStaleAsync(cutoff, cancellationToken))
        {
            if (task.RecoverStrategy == "startOver")
            {
                var body = new JsonObject { ["recoverStrategy"] = "startOver" };
                if (await store.RecoverStaleAsync(task.Id, cutoff, body.ToJsonString(), now, cancellationToken))
                {
                    recovered++;
                    logger.LogWarning("Task {TaskId} lost its worker; it starts over", task.Id);
                    signals.AbortRun(task.Id);
                    signals.EventsAppended(task.Id);
                    signals.WorkAvailable();
                }
            }
            else if (await store.FailStaleAsync(
                         task.Id,
                         cutoff,
                         stepId => new JsonObject { ["message"] = StaleStepMessage, ["stepId"] = stepId, ["status"] = TaskStatuses.Failed }.ToJsonString(),
                         new JsonObject { ["message"] = LostWorkerMessage }.ToJsonString(),
                         now,
                         cancellationToken))
            {
                failed++;
                logger.LogWarning("Task {TaskId} lost its worker; it failed", task.Id);
                signals.AbortRun(task.Id);
                signals.EventsAppended(task.Id);
            }
        }

        return (recovered, failed);
    }
}
