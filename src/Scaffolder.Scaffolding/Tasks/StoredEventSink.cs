using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Execution;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Tasks;

/// <summary>A run's events go to the task's stored event log, and wake this process's watchers.</summary>
public sealed class StoredEventSink(TaskStore store, TaskSignals signals, TimeProvider time, string taskId) : IWorkflowEventSink
{
    public async Task WriteAsync(string type, JsonObject body, StepTransition? step, CancellationToken cancellationToken)
    {
        await store.AppendEventAsync(taskId, type, body.ToJsonString(), time.GetUtcNow().UtcDateTime, step, cancellationToken);
        signals.EventsAppended(taskId);
    }
}
