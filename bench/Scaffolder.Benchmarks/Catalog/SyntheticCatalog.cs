using System.Globalization;
using System.Text.Json.Nodes;

namespace Scaffolder.Benchmarks.Catalog;

/// <summary>
/// A deterministic, realistic catalog of any size: groups and users, systems, components (services,
/// websites, libraries) with owners, systems, APIs, dependencies, tags, labels and annotations.
/// </summary>
public static class SyntheticCatalog
{
    private static readonly string[] Tags = Enumerable.Range(0, 30).Select(i => $"tag-{i}").ToArray();
    private static readonly string[] ComponentTypes = ["service", "service", "service", "website", "library"];
    private static readonly string[] Lifecycles = ["production", "production", "experimental", "deprecated"];

    public static IEnumerable<JsonObject> Generate(int count)
    {
        var groups = Math.Max(10, count / 500);
        var systems = Math.Max(5, count / 1000);
        var apis = count / 10;
        var resources = count / 10;
        var users = count / 10;
        var components = count - groups - systems - apis - resources - users;
        var random = new Random(42);

        for (var i = 0; i < groups; i++)
        {
            yield return Entity("Group", $"group-{i}", new JsonObject { ["type"] = "team", ["children"] = new JsonArray() }, random);
        }

        for (var i = 0; i < users; i++)
        {
            yield return Entity("User", $"user-{i}", new JsonObject { ["memberOf"] = new JsonArray($"group-{i % groups}") }, random);
        }

        for (var i = 0; i < systems; i++)
        {
            yield return Entity("System", $"system-{i}", new JsonObject { ["owner"] = $"group-{i % groups}" }, random);
        }

        for (var i = 0; i < resources; i++)
        {
            yield return Entity("Resource", $"resource-{i}", new JsonObject
            {
                ["type"] = i % 2 == 0 ? "database" : "queue",
                ["owner"] = $"group-{i % groups}",
                ["system"] = $"system-{i % systems}",
            }, random);
        }

        for (var i = 0; i < apis; i++)
        {
            yield return Entity("API", $"api-{i}", new JsonObject
            {
                ["type"] = "openapi",
                ["lifecycle"] = Lifecycles[i % Lifecycles.Length],
                ["owner"] = $"group-{i % groups}",
                ["system"] = $"system-{i % systems}",
                ["definition"] = "openapi: 3.0.0\ninfo:\n  title: API\n  version: 1.0.0\npaths: {}\n",
            }, random);
        }

        for (var i = 0; i < components; i++)
        {
            var spec = new JsonObject
            {
                ["type"] = ComponentTypes[i % ComponentTypes.Length],
                ["lifecycle"] = Lifecycles[i % Lifecycles.Length],
                ["owner"] = $"group-{i % groups}",
                ["system"] = $"system-{i % systems}",
            };
            if (apis > 0)
            {
                spec["providesApis"] = new JsonArray($"api-{i % apis}");
                spec["consumesApis"] = new JsonArray($"api-{(i * 7 + 3) % apis}");
            }

            if (resources > 0)
            {
                spec["dependsOn"] = new JsonArray($"resource:resource-{i % resources}");
            }

            yield return Entity("Component", $"component-{i}", spec, random);
        }
    }

    private static JsonObject Entity(string kind, string name, JsonObject spec, Random random)
    {
        var tags = new JsonArray(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => (JsonNode)Tags[random.Next(Tags.Length)]).DistinctBy(t => t.GetValue<string>()).ToArray());
        return new JsonObject
        {
            ["apiVersion"] = "backstage.io/v1alpha1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["title"] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('-', ' ')),
                ["description"] = $"The {name} {kind.ToLowerInvariant()}, generated for benchmarks.",
                ["tags"] = tags,
                ["labels"] = new JsonObject { ["tier"] = random.Next(3) switch { 0 => "gold", 1 => "silver", _ => "bronze" } },
                ["annotations"] = new JsonObject
                {
                    ["github.com/project-slug"] = $"acme/{name}",
                    ["backstage.io/techdocs-ref"] = "dir:.",
                },
                ["links"] = new JsonArray(new JsonObject { ["url"] = $"https://example.com/{name}", ["title"] = "Home" }),
            },
            ["spec"] = spec,
        };
    }
}
