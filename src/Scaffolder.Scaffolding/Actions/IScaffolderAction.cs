using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Actions;

/// <summary>
/// A step a template can run (<c>fetch:template</c>, <c>publish:git</c>, …). Adding an action is one
/// class implementing this interface, registered with the host; <c>GET /v2/actions</c> lists it
/// with its schemas and examples, and inputs are validated against <see cref="InputSchema"/> before
/// <see cref="ExecuteAsync"/> runs.
/// </summary>
public interface IScaffolderAction
{
    /// <summary>Backstage's id where Backstage has the action, e.g. <c>fetch:template</c>.</summary>
    string Id { get; }

    string Description { get; }

    /// <summary>JSON Schema (draft-07) of the step's <c>input</c>.</summary>
    JsonObject InputSchema { get; }

    /// <summary>JSON Schema of what the action outputs; dry runs of actions that do not support them synthesise outputs from it.</summary>
    JsonObject? OutputSchema { get; }

    IReadOnlyList<ActionExample> Examples { get; }

    /// <summary>Whether the action runs during <c>POST /v2/dry-run</c> (it must then have no effect outside the workspace).</summary>
    bool SupportsDryRun { get; }

    Task ExecuteAsync(ActionContext context);
}
