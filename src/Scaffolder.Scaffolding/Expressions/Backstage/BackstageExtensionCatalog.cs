using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Expressions.Backstage;

/// <summary>
/// What <c>GET /v2/templating-extensions</c> describes, as Backstage does: the filters the scaffolder adds
/// to Nunjucks (<c>parseRepoUrl</c>, <c>parseEntityRef</c>, <c>pick</c>, <c>projectSlug</c>) and the
/// global functions of this server (<c>always()</c>, <c>failure()</c>); Nunjucks' own filters are not listed.
/// </summary>
public static class BackstageExtensionCatalog
{
    public static TemplatingExtensions Extensions { get; } = new(
        new Dictionary<string, TemplatingExtension>(StringComparer.Ordinal)
        {
            ["parseRepoUrl"] = new(
                "Parses a repository URL as RepoUrlPicker writes it (<host>?owner=<o>&repo=<r>) into its parts; the host must be a configured integration.",
                new JsonObject
                {
                    ["input"] = new JsonObject { ["type"] = "string" },
                    ["output"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("host", "repo"),
                        ["properties"] = new JsonObject
                        {
                            ["host"] = new JsonObject { ["type"] = "string" },
                            ["owner"] = new JsonObject { ["type"] = "string" },
                            ["repo"] = new JsonObject { ["type"] = "string" },
                            ["organization"] = new JsonObject { ["type"] = "string" },
                            ["workspace"] = new JsonObject { ["type"] = "string" },
                            ["project"] = new JsonObject { ["type"] = "string" },
                        },
                    },
                },
                [
                    new TemplatingExample("Obtain the parts of a repository URL", "${{ parameters.repoUrl | parseRepoUrl }}"),
                    new TemplatingExample("Obtain the owner of a repository", "${{ (parameters.repoUrl | parseRepoUrl).owner }}"),
                ]),
            ["projectSlug"] = new(
                "The owner/repo slug of a repository URL.",
                new JsonObject { ["input"] = new JsonObject { ["type"] = "string" }, ["output"] = new JsonObject { ["type"] = "string" } },
                [new TemplatingExample("Slug of the target repository", "${{ parameters.repoUrl | projectSlug }}")]),
            ["parseEntityRef"] = new(
                "Parses an entity reference into kind, namespace and name; the optional argument gives defaultKind and defaultNamespace.",
                new JsonObject
                {
                    ["input"] = new JsonObject { ["type"] = "string" },
                    ["arguments"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["defaultKind"] = new JsonObject { ["type"] = "string" },
                            ["defaultNamespace"] = new JsonObject { ["type"] = "string" },
                        },
                    }),
                    ["output"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("kind", "namespace", "name"),
                        ["properties"] = new JsonObject
                        {
                            ["kind"] = new JsonObject { ["type"] = "string" },
                            ["namespace"] = new JsonObject { ["type"] = "string" },
                            ["name"] = new JsonObject { ["type"] = "string" },
                        },
                    },
                },
                [
                    new TemplatingExample("Parse the owner's reference", "${{ parameters.owner | parseEntityRef }}"),
                    new TemplatingExample("With defaults for a bare name", "${{ parameters.owner | parseEntityRef({ defaultKind: 'group', defaultNamespace: 'default' }) }}"),
                ]),
            ["pick"] = new(
                "The value at a property path (a.b[0].c) of an object, as lodash's get reads it.",
                new JsonObject
                {
                    ["input"] = new JsonObject { ["type"] = "object" },
                    ["arguments"] = new JsonArray(new JsonObject { ["type"] = "string" }),
                    ["output"] = new JsonObject(),
                },
                [new TemplatingExample("The name of a parsed reference", "${{ parameters.owner | parseEntityRef | pick('name') }}")]),
        },
        new Dictionary<string, TemplatingExtension>(StringComparer.Ordinal)
        {
            ["always"] = new("Always true: a step whose if calls it runs even after an earlier step failed.", null, [new TemplatingExample("Clean up whatever happened", "if: ${{ always() }}")]),
            ["failure"] = new("True when an earlier step of the task failed: a step whose if calls it runs after a failure.", null, [new TemplatingExample("Report a failure", "if: ${{ failure() }}")]),
        },
        new Dictionary<string, JsonNode?>(StringComparer.Ordinal));
}
