using System.Text.Json.Nodes;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Execution;

/// <summary>Where a run's events go: the task's stored event log, or a dry run's collected log.</summary>
public interface IWorkflowEventSink
{
    /// <summary>Records one event (already redacted), moving a step's state when <paramref name="step"/> is given.</summary>
    Task WriteAsync(string type, JsonObject body, StepTransition? step, CancellationToken cancellationToken);
}
