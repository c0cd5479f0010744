using System.Text.Json.Nodes;
using Scaffolder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Scaffolder.Templating.Tests.Backstage;

/// <summary>
/// Runs the generator against nunjucks and requires the checked-in expectations to be what it
/// produces now: a case edited without regenerating, or an expectation edited by hand, fails here.
/// </summary>
public sealed class NunjucksExpectationsFreshnessTests(ITestOutputHelper output)
{
    [NodeFact]
    public async Task Checked_in_expectations_are_what_nunjucks_renders_today()
    {
        var modules = await NodeDependencies.EnsureInstalledAsync();
        var run = await ProcessRunner.RunAsync(
            "node",
            [NunjucksFileCases.GeneratorScript, modules, NunjucksFileCases.Directory],
            NodeDependencies.ProjectDirectory);
        Assert.True(run.ExitCode == 0, run.Combined);

        var generated = JsonNode.Parse(run.StandardOutput)!.AsObject();
        var names = NunjucksFileCases.Names();
        Assert.Equal(names, generated.Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList());

        var stale = new List<string>();
        foreach (var name in names)
        {
            var result = generated[name]!.AsObject();
            var fresh = result.ContainsKey("output")
                ? NunjucksFileCases.Expected(name) == result["output"]!.GetValue<string>()
                : NunjucksFileCases.Error(name) == result["error"]!.GetValue<string>();
            if (!fresh)
            {
                stale.Add(name);
            }
        }

        output.WriteLine($"{names.Count - stale.Count}/{names.Count} expectations match nunjucks.");
        Assert.True(stale.Count == 0, $"stale expectations: {string.Join(", ", stale)}; regenerate with: {NunjucksFileCases.RegenerateCommand}");
    }
}
