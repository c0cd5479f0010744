using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Tests.BackstageCompatibility;

/// <summary>
/// jsonschema-npm-cases.json: schemas and values with the errors the <c>jsonschema</c> npm library
/// (Backstage's scaffolder validator) answered for them, recorded by record-jsonschema-npm-expectations.cjs.
/// </summary>
public static class RecordedNpmCases
{
    private static readonly Lazy<JsonArray> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "BackstageCompatibility", "jsonschema-npm-cases.json");
        return JsonNode.Parse(File.ReadAllText(path))!["cases"]!.AsArray();
    });

    public static IEnumerable<string> Names => Cases.Value.Select(c => (string)c!["name"]!);

    public static JsonNode Find(string name) => Cases.Value.Single(c => (string)c!["name"]! == name)!;
}
