using System.Text.Json.Nodes;
using Scaffolder.Templating.Backstage;
using Scaffolder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Scaffolder.Templating.Tests.Backstage;

/// <summary>
/// Renders every string of <c>nunjucks-cases.json</c> with our evaluator and with nunjucks itself (driven
/// the way Backstage's scaffolder drives it) and requires the same JSON result, or an error on both sides.
/// </summary>
public sealed class NunjucksComparisonTests(ITestOutputHelper output)
{
    /// <summary>Cases where we knowingly differ from nunjucks, with the reason.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new()
    {
        ["${{ parameters.name | safe }}"] = "nunjucks dumps its SafeString wrapper as {val, length}; the text is what templates mean.",
        ["${{ parameters.missing | safe }}"] = "as above, for the empty SafeString.",
    };

    [NodeFact]
    public async Task Evaluator_agrees_with_nunjucks_on_every_case()
    {
        var directory = RepositoryPaths.InRepo("tests", "Scaffolder.Templating.Tests", "Backstage");
        var casesFile = Path.Combine(directory, "nunjucks-cases.json");
        var modules = await NodeDependencies.EnsureInstalledAsync();
        var run = await ProcessRunner.RunAsync("node", [Path.Combine(directory, "render-with-nunjucks.mjs"), modules, casesFile], directory);
        Assert.True(run.ExitCode == 0, run.Combined);

        var cases = JsonNode.Parse(File.ReadAllText(casesFile))!;
        var context = cases["context"]!.AsObject();
        var inputs = cases["inputs"]!.AsArray().Select(input => input!.GetValue<string>()).ToList();
        var expected = JsonNode.Parse(run.StandardOutput)!.AsArray();
        Assert.Equal(inputs.Count, expected.Count);

        var evaluator = new BackstageExpressionEvaluator(new BackstageEvaluatorOptions { ThrowOnError = true });
        var disagreements = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var ours = Outcome(evaluator, inputs[i], context);
            var theirs = expected[i]!.AsObject();
            var agree = theirs.ContainsKey("error")
                ? ours.ContainsKey("error")
                : !ours.ContainsKey("error") && JsonNode.DeepEquals(Normalize(ours), Normalize(theirs));
            if (!agree && !KnownDifferences.ContainsKey(inputs[i]))
            {
                disagreements.Add($"{inputs[i]}\n  ours:     {ours.ToJsonString()}\n  nunjucks: {theirs.ToJsonString()}");
            }
        }

        output.WriteLine($"{inputs.Count - disagreements.Count}/{inputs.Count} cases agree with nunjucks ({KnownDifferences.Count} known differences).");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private static JsonObject Outcome(BackstageExpressionEvaluator evaluator, string input, JsonObject context)
    {
        try
        {
            var rendered = evaluator.Render(new JsonObject { ["value"] = input }, context)!.AsObject();
            return rendered.ContainsKey("value") ? new JsonObject { ["value"] = rendered["value"]?.DeepClone() } : new JsonObject { ["undefined"] = true };
        }
        catch (TemplateRuntimeException error)
        {
            return new JsonObject { ["error"] = error.Reason };
        }
    }

    /// <summary>Numbers compare by value (JavaScript has no integer type: 3 and 3.0 are the same).</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, Normalize(pair.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(value.GetValue<double>()),
        _ => node?.DeepClone(),
    };
}
