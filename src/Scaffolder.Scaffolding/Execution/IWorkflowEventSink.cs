using System.Text.Json.Nodes;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Execution;

/// <summary>One event of a run (already redacted), moving a step's state when <see cref="Step"/> is given.</summary>
public sealed record WorkflowEvent(string Type, JsonObject Body, StepTransition? Step);

/// <summary>Where a run's events go: the task's stored event log, or a dry run's collected log.</summary>
public interface IWorkflowEventSink
{
    /// <summary>Records events in order, all or none.</summary>
    Task WriteAsync(IReadOnlyList<WorkflowEvent> events, CancellationToken cancellationToken);
}
