using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Execution;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.DryRun;

/// <summary>A dry run's log: events kept in memory, in order.</summary>
internal sealed class CollectingEventSink : IWorkflowEventSink
{
    private readonly List<JsonObject> _bodies = [];

    public IReadOnlyList<JsonObject> Bodies => _bodies;

    public Task WriteAsync(string type, JsonObject body, StepTransition? step, CancellationToken cancellationToken)
    {
        lock (_bodies)
        {
            _bodies.Add(body);
        }

        return Task.CompletedTask;
    }
}
