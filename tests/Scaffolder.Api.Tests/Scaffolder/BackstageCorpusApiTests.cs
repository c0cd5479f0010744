using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Storage;
using Scaffolder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>One service for the whole corpus: dry runs store nothing, so cases cannot disturb each other.</summary>
public sealed class BackstageCorpusHost : IAsyncLifetime
{
    public ScaffolderTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ScaffolderTestHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>());

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Each Backstage-style template of the corpus, run through <c>POST /v2/dry-run</c>, produces byte for byte
/// the files (and output) that Backstage's own renderer, nunjucks, produces for it.
/// </summary>
public sealed class BackstageCorpusApiTests(BackstageCorpusHost fixture, ITestOutputHelper output) : IClassFixture<BackstageCorpusHost>
{
    public static TheoryData<string> Cases => [.. BackstageCorpus.Cases];

    [Fact]
    public void The_corpus_has_at_least_fifteen_templates() => Assert.True(BackstageCorpus.Cases.Count >= 15, $"{BackstageCorpus.Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Dry_run_writes_the_files_backstage_writes(string name)
    {
        var response = await fixture.Host.Client.PostJsonAsync("/api/scaffolder/v2/dry-run", BackstageCorpus.DryRunRequest(name));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        var result = JsonNode.Parse(body)!.AsObject();
        Assert.True(result["error"] is null, $"the dry run failed: {result["error"]?.ToJsonString()}\n{Log(result)}");

        var expected = BackstageCorpus.Expected(name);
        var expectedFiles = expected["files"]!.AsArray().ToDictionary(f => f!["path"]!.GetValue<string>(), f => BackstageCorpus.Bytes(f!));
        var actualFiles = result["directoryContents"]!.AsArray().ToDictionary(
            f => f!["path"]!.GetValue<string>(),
            f => Convert.FromBase64String(f!["base64Content"]!.GetValue<string>()));
        Assert.Equal(expectedFiles.Keys.Order(StringComparer.Ordinal), actualFiles.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expectedFiles)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actualFiles[path]), $"{path} differs.\n--- nunjucks:\n{Show(bytes)}\n--- ours:\n{Show(actualFiles[path])}");
        }

        if (expected["output"] is { } expectedOutput)
        {
            Assert.True(
                JsonNode.DeepEquals(Normalize(expectedOutput), Normalize(result["output"])),
                $"output differs.\n--- nunjucks: {expectedOutput.ToJsonString()}\n--- ours:     {result["output"]?.ToJsonString()}");
        }

        output.WriteLine($"{name}: {expectedFiles.Count} files identical");
    }

    /// <summary>The checked-in expectations are exactly what the generator produces with nunjucks today.</summary>
    [NodeFact]
    public async Task Expectations_are_current_with_nunjucks()
    {
        await NodeDependencies.EnsureInstalledAsync();
        var run = await ProcessRunner.RunAsync("node", [BackstageCorpus.Generator, BackstageCorpus.Directory, "--stdout"], NodeDependencies.ProjectDirectory);
        Assert.True(run.ExitCode == 0, run.Combined);

        var generated = JsonNode.Parse(run.StandardOutput)!.AsObject();
        Assert.Equal(BackstageCorpus.Cases, generated.Select(p => p.Key).Order(StringComparer.Ordinal));
        var stale = generated.Where(p => !JsonNode.DeepEquals(p.Value, BackstageCorpus.Expected(p.Key))).Select(p => p.Key).ToList();
        Assert.True(stale.Count == 0, $"expected.json is out of date for {string.Join(", ", stale)}; run `node tests/node/backstage-corpus.mjs {Path.GetRelativePath(RepositoryPaths.Root, BackstageCorpus.Directory)}` and commit the result.");
    }

    private static string Log(JsonObject result) =>
        string.Join("\n", result["log"]?.AsArray().Select(l => l!["body"]!["message"]?.GetValue<string>()) ?? []);

    private static string Show(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Numbers compare by value (JavaScript has no integer type).</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, Normalize(pair.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(value.GetValue<double>()),
        _ => node?.DeepClone(),
    };
}
