using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Execution;

namespace Scaffolder.Scaffolding.DryRun;

/// <summary>A dry run's log: events kept in memory, in order.</summary>
internal sealed class CollectingEventSink : IWorkflowEventSink
{
    private readonly List<JsonObject> _bodies = [];

    public IReadOnlyList<JsonObject> Bodies => _bodies;

    public Task WriteAsync(IReadOnlyList<WorkflowEvent> events, CancellationToken cancellationToken)
    {
        lock (_bodies)
        {
            _bodies.AddRange(events.Select(e => e.Body));
        }

        return Task.CompletedTask;
    }
}
