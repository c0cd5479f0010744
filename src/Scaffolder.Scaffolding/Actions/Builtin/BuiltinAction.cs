using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// What the built-in actions share: schemas written as JSON text and parsed once, handed out as
/// private copies (a <see cref="JsonNode"/> can belong to one parent only, and callers embed them in
/// responses), and typed access to the step input.
/// </summary>
public abstract class BuiltinAction : IScaffolderAction
{
    private readonly JsonObject _inputSchema;
    private readonly JsonObject? _outputSchema;

    protected BuiltinAction(string inputSchemaJson, string? outputSchemaJson = null)
    {
        _inputSchema = JsonNode.Parse(inputSchemaJson)!.AsObject();
        _outputSchema = outputSchemaJson is null ? null : JsonNode.Parse(outputSchemaJson)!.AsObject();
    }

    public abstract string Id { get; }

    public abstract string Description { get; }

    public JsonObject InputSchema => (JsonObject)_inputSchema.DeepClone();

    public JsonObject? OutputSchema => (JsonObject?)_outputSchema?.DeepClone();

    public virtual IReadOnlyList<ActionExample> Examples => [];

    public abstract bool SupportsDryRun { get; }

    public Task ExecuteAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, new StepInput(Id, context.Input));
    }

    protected abstract Task RunAsync(ActionContext context, StepInput input);
}
