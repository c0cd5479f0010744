using System.Text.Json.Nodes;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Testing;

namespace Scaffolder.Api.Tests.Scaffolder.Support;

/// <summary>
/// The compatibility corpus: Backstage-style templates under <c>BackstageCorpus/&lt;case&gt;/template/</c>,
/// the values each is run with (<c>case.json</c>), and what Backstage produces for them
/// (<c>expected.json</c>, written by <c>tests/node/backstage-corpus.mjs</c> with nunjucks itself).
/// </summary>
public static class BackstageCorpus
{
    public static string Directory => RepositoryPaths.InRepo("tests", "Scaffolder.Api.Tests", "Scaffolder", "BackstageCorpus");

    public static string Generator => RepositoryPaths.InRepo("tests", "node", "backstage-corpus.mjs");

    public static IReadOnlyList<string> Cases =>
        System.IO.Directory.GetDirectories(Directory)
            .Where(d => File.Exists(Path.Combine(d, "case.json")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList()!;

    /// <summary>The <c>POST /v2/dry-run</c> body: the template entity, the case's values and every file of the template folder.</summary>
    public static JsonObject DryRunRequest(string name)
    {
        var folder = Path.Combine(Directory, name, "template");
        var document = YamlDocuments.Parse(File.ReadAllText(Path.Combine(folder, "template.yaml"))).Single();
        if (document.Error is not null)
        {
            throw new InvalidOperationException($"{name}/template/template.yaml: {document.Error}");
        }

        var files = System.IO.Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(relative => (JsonNode?)new JsonObject
            {
                ["path"] = relative,
                ["base64Content"] = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(folder, relative))),
            });
        return new JsonObject
        {
            ["template"] = document.Value!.DeepClone(),
            ["values"] = Case(name)["values"]?.DeepClone() ?? new JsonObject(),
            ["directoryContents"] = new JsonArray(files.ToArray()),
        };
    }

    public static JsonObject Case(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name, "case.json")))!.AsObject();

    public static JsonObject Expected(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name, "expected.json")))!.AsObject();

    /// <summary>The bytes of an expected file entry (<c>text</c> as UTF-8, or <c>base64</c>).</summary>
    public static byte[] Bytes(JsonNode file) => file["base64"] is { } base64
        ? Convert.FromBase64String(base64.GetValue<string>())
        : System.Text.Encoding.UTF8.GetBytes(file["text"]!.GetValue<string>());
}
