using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.JsonSchema;
using Scaffolder.Scaffolding.Actions;

namespace Scaffolder.Scaffolding.Tests.Support;

/// <summary>
/// Runs a template's steps with the built-in actions, for testing a shipped template and its skeleton
/// without the task engine. It understands only the <c>${{ }}</c> forms the shipped templates use —
/// <c>parameters.x</c> and <c>steps.id.output.y</c>, alone or inside text — and fails on anything else,
/// so a template using more is caught here rather than silently mis-rendered.
/// </summary>
public sealed partial class TemplateStepRunner(IReadOnlyDictionary<string, IScaffolderAction> actions, string workspace, IActionLogger logger)
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

    private JsonNode? Render(JsonNode? node, JsonObject parameters) => node switch
    {
        // As in Backstage, a value that renders to nothing leaves its key out.
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Render(p.Value, parameters))).Where(p => p.Value is not null)),
        JsonArray array => new JsonArray(array.Select(item => Render(item, parameters)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => RenderText(text, parameters),
        _ => node?.DeepClone(),
    };

    private JsonNode? RenderText(string text, JsonObject parameters)
    {
        var whole = Expression().Match(text);
        if (whole.Success && whole.Length == text.Length)
        {
            return Evaluate(whole.Groups["path"].Value, parameters)?.DeepClone();
        }

        return Expression().Replace(text, m => Evaluate(m.Groups["path"].Value, parameters) is JsonValue v && v.TryGetValue<string>(out var s) ? s : Evaluate(m.Groups["path"].Value, parameters)?.ToJsonString() ?? string.Empty);
    }

    private JsonNode? Evaluate(string path, JsonObject parameters)
    {
        var parts = path.Split('.');
        return parts switch
        {
            ["parameters", var name] => parameters[name],
            ["steps", var step, "output", var name] => StepOutputs[step].GetValueOrDefault(name),
            _ => throw new InvalidOperationException($"expression '{path}' is beyond what this test runner understands"),
        };
    }

    [GeneratedRegex(@"\$\{\{\s*(?<path>[A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Expression();
}
