using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Execution;

/// <summary>One run of a task's steps.</summary>
public sealed class WorkflowRun
{
    public required string TaskId { get; init; }

    /// <summary>The stored TaskSpec (<c>steps</c>, <c>output</c>, <c>parameters</c>, <c>user</c>, <c>templateInfo</c>).</summary>
    public required JsonObject Spec { get; init; }

    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The run's workspace folder (exists, empty).</summary>
    public required string WorkspacePath { get; init; }

    public bool IsDryRun { get; init; }

    public required IWorkflowEventSink Events { get; init; }

    /// <summary>Signalled when a user cancels the task: the running step stops and the task fails as cancelled.</summary>
    public CancellationToken Cancel { get; init; }

    /// <summary>Signalled when the run must stop without an outcome (shutdown, lost claim): the task is left to recovery.</summary>
    public CancellationToken Abort { get; init; }
}

/// <summary>An error as the completion event reports it: <c>{name, message}</c>.</summary>
public sealed record WorkflowError(string Name, string Message);

/// <summary>How a run ended: <c>completed</c> with the rendered output, or <c>failed</c> with the first error.</summary>
public sealed record WorkflowOutcome(string Status, JsonObject? Output, WorkflowError? Error, bool Cancelled)
{
    /// <summary>The body of the completion event.</summary>
    public JsonObject CompletionBody()
    {
        var body = new JsonObject { ["message"] = $"Run completed with status: {Status}" };
        if (Output is not null)
        {
            body["output"] = Output.DeepClone();
        }

        if (Error is not null)
        {
            body["error"] = new JsonObject { ["name"] = Error.Name, ["message"] = Error.Message };
        }

        return body;
    }
}
