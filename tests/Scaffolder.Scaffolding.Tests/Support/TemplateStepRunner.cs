using System.Text.Json.Nodes;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.JsonSchema;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Expressions;
using Scaffolder.Scaffolding.Expressions.Backstage;

namespace Scaffolder.Scaffolding.Tests.Support;

/// <summary>
/// Runs a template's steps with the built-in actions, for testing a shipped template and its skeleton
/// without the task engine. Its <c>${{ }}</c> expressions are rendered in Backstage's dialect by the
/// server's own renderer, and any expression error fails the run.
/// </summary>
public sealed class TemplateStepRunner(IReadOnlyDictionary<string, IScaffolderAction> actions, string workspace, IActionLogger logger)
{
    public JsonObject Template { get; private set; } = [];

    public Dictionary<string, IReadOnlyDictionary<string, JsonNode?>> StepOutputs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TimeSpan> StepDurations { get; } = new(StringComparer.Ordinal);

    public async Task<JsonObject> RunAsync(string templateFile, JsonObject parameters, CancellationToken cancellationToken = default)
    {
        var document = Assert.Single(YamlDocuments.Parse(await File.ReadAllTextAsync(templateFile, cancellationToken)));
        Assert.Null(document.Error);
        Template = document.Value!.AsObject();
        var templateInfo = new TemplateInfo("template:default/" + (string?)Template["metadata"]!["name"], new Uri(templateFile).AbsoluteUri);

        foreach (var step in Template["spec"]!["steps"]!.AsArray().Select(s => s!.AsObject()))
        {
            var id = (string)step["id"]!;
            var action = actions.TryGetValue((string)step["action"]!, out var found) ? found : throw new InvalidOperationException($"unknown action {step["action"]}");
            var input = Render(step["input"] ?? new JsonObject(), parameters)!.AsObject();
            var errors = JsonSchemaValidator.Validate(action.InputSchema, input);
            Assert.True(errors.Count == 0, $"step {id}: {string.Join("; ", errors)}");
            var context = new ActionContext
            {
                TaskId = "golden-path",
                StepId = id,
                WorkspacePath = workspace,
                Input = input,
                TemplateInfo = templateInfo,
                Logger = logger,
                CancellationToken = cancellationToken,
            };
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await action.ExecuteAsync(context);
            StepDurations[id] = watch.Elapsed;
            StepOutputs[id] = context.Outputs;
        }

        return Render(Template["spec"]!["output"] ?? new JsonObject(), parameters)!.AsObject();
    }

    private JsonNode? Render(JsonNode? node, JsonObject parameters)
    {
        var steps = new JsonObject(StepOutputs.Select(step => KeyValuePair.Create(
            step.Key,
            (JsonNode?)new JsonObject { ["output"] = new JsonObject(step.Value.Select(o => KeyValuePair.Create(o.Key, o.Value?.DeepClone()))) })));
        var scope = new ExpressionScope { Context = new JsonObject { ["parameters"] = parameters.DeepClone(), ["steps"] = steps } };
        var result = Expressions.Render(node, scope, "template");
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
        return result.Value;
    }

    private static readonly BackstageExpressionRenderer Expressions = new();
}
