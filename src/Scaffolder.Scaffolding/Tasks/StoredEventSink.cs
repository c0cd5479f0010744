using Scaffolder.Scaffolding.Execution;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Tasks;

/// <summary>A run's events go to the task's stored event log, and wake this process's watchers.</summary>
public sealed class StoredEventSink(TaskStore store, TaskSignals signals, TimeProvider time, string taskId) : IWorkflowEventSink
{
    public async Task WriteAsync(IReadOnlyList<WorkflowEvent> events, CancellationToken cancellationToken)
    {
        await store.AppendEventsAsync(
            taskId,
            events.Select(e => new NewTaskEvent(e.Type, e.Body.ToJsonString(), e.Step)).ToList(),
            time.GetUtcNow().UtcDateTime,
            cancellationToken);
        signals.EventsAppended(taskId);
    }
}
