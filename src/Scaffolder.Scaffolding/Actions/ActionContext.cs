using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Actions;

/// <summary>Everything an action sees while it runs one step (or one <c>each</c> iteration of a step).</summary>
public sealed class ActionContext
{
    private readonly Dictionary<string, JsonNode?> _outputs = new(StringComparer.Ordinal);

    public required string TaskId { get; init; }

    public required string StepId { get; init; }

    /// <summary>The task's private working directory; every path an action touches must stay inside it.</summary>
    public required string WorkspacePath { get; init; }

    /// <summary>The step's input, already rendered and validated against the action's input schema.</summary>
    public required JsonObject Input { get; init; }

    public required TemplateInfo TemplateInfo { get; init; }

    public required IActionLogger Logger { get; init; }

    /// <summary>The task's secrets (never log them; the logger redacts them anyway).</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The caller's User entity and ref (<c>{entity, ref}</c>), when known.</summary>
    public JsonObject? User { get; init; }

    /// <summary>True during <c>POST /v2/dry-run</c>: nothing may be published or registered.</summary>
    public bool IsDryRun { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> Outputs => _outputs;

    /// <summary>Sets an output of the step, readable by later steps as <c>steps.&lt;id&gt;.output.&lt;name&gt;</c>.</summary>
    public void Output(string name, JsonNode? value) => _outputs[name] = value?.DeepClone();

    /// <summary>
    /// Resolves a workspace-relative path, refusing absolute paths and any path that would end up
    /// outside the workspace (through <c>..</c> or symbolic links).
    /// </summary>
    public string ResolveInWorkspace(string relativePath) => WorkspacePaths.Resolve(WorkspacePath, relativePath);
}
