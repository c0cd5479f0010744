using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Scaffolder.Scaffolding.Execution;
using Scaffolder.Scaffolding.Tasks;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Workers;

/// <summary>
/// Runs one claimed task to its end: heartbeats while it runs (and notices a cancel recorded by any
/// replica, or that the task was taken away), a fresh workspace removed afterwards, and the final
/// status written together with the completion event — only while the claim still holds.
/// </summary>
public sealed class TaskExecution(
    TaskStore store,
    WorkflowRunner runner,
    TaskSecretsProtector protector,
    TaskSignals signals,
    ScaffolderOptions options,
    TimeProvider time,
    ILogger<TaskExecution> logger)
{
    public async Task RunAsync(ClaimedTaskRecord claim, CancellationToken shutdown)
    {
        ArgumentNullException.ThrowIfNull(claim);
        using var cancel = new CancellationTokenSource();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        var handle = signals.RunStarted(claim.Id, cancel, abort);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = Task.Run(() => HeartbeatAsync(claim, cancel, abort, heartbeatStop.Token), CancellationToken.None);
        try
        {
            if (await store.HasEventAsync(claim.Id, TaskEventTypes.Cancelled, abort.Token))
            {
                await cancel.CancelAsync();
            }

            var outcome = await RunStepsAsync(claim, cancel.Token, abort.Token);
            if (outcome is null)
            {
                return;
            }

            if (!await store.CompleteAsync(claim.Id, claim.ClaimToken, outcome.Status, outcome.CompletionBody().ToJsonString(), time.GetUtcNow().UtcDateTime, CancellationToken.None))
            {
                logger.LogWarning("Task {TaskId} was taken away from this worker before it finished; its outcome is discarded", claim.Id);
                return;
            }

            logger.LogInformation("Task {TaskId} {Status}", claim.Id, outcome.Cancelled ? "cancelled" : outcome.Status);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            logger.LogInformation("Task {TaskId} stopped without an outcome ({Reason})", claim.Id, shutdown.IsCancellationRequested ? "shutdown" : "claim lost");
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            signals.RunEnded(claim.Id, handle);
            signals.EventsAppended(claim.Id);
        }
    }

    private async Task<WorkflowOutcome?> RunStepsAsync(ClaimedTaskRecord claim, CancellationToken cancel, CancellationToken abort)
    {
        if (JsonNode.Parse(claim.SpecJson) is not JsonObject spec)
        {
            return Failure("The stored task spec is not a JSON object");
        }

        if (!protector.TryUnprotect(claim.Id, claim.SecretsEnvelope, out var secrets))
        {
            return Failure(
                "The task's secrets cannot be read here: they were encrypted with another key. " +
                "Give every replica the same Scaffolder:SecretsKey, then retry the task with its secrets.");
        }

        using var workspace = TaskWorkspace.Create(options.ResolveWorkspaceRoot(), claim.Id);
        try
        {
            return await runner.RunAsync(new WorkflowRun
            {
                TaskId = claim.Id,
                Spec = spec,
                Secrets = secrets,
                WorkspacePath = workspace.Path,
                Events = new StoredEventSink(store, signals, time, claim.Id),
                Cancel = cancel,
                Abort = abort,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException || !abort.IsCancellationRequested)
        {
            // A defect, not a step failure (those are outcomes): the task must still end, never hang.
            logger.LogError("Task {TaskId} could not be run: {Error}", claim.Id, new Publishing.Secrets.SecretRedactor(secrets.Values).Redact(e.ToString()));
            return Failure("The task could not be run because of an internal error; see the service log");
        }
    }

    private async Task HeartbeatAsync(ClaimedTaskRecord claim, CancellationTokenSource cancel, CancellationTokenSource abort, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.HeartbeatInterval, time, stop);
                if (!await store.HeartbeatAsync(claim.Id, claim.ClaimToken, time.GetUtcNow().UtcDateTime, stop))
                {
                    logger.LogWarning("Task {TaskId} is no longer held by this worker (recovered or retried); stopping its run", claim.Id);
                    await abort.CancelAsync();
                    return;
                }

                if (!cancel.IsCancellationRequested && await store.HasEventAsync(claim.Id, TaskEventTypes.Cancelled, stop))
                {
                    await cancel.CancelAsync();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A missed heartbeat is not fatal: the next one, or the janitor's timeout, settles it.
                logger.LogWarning("Heartbeat of task {TaskId} failed: {Message}", claim.Id, e.Message);
            }
        }
    }

    private static WorkflowOutcome Failure(string message) =>
        new(TaskStatuses.Failed, null, new WorkflowError("Error", message), Cancelled: false);
}
