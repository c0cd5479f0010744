using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Publishing;
using Scaffolder.Publishing.Integrations;

namespace Scaffolder.Scaffolding.Expressions;

/// <summary>
/// Backstage's built-in template filters, on JSON values: <c>parseRepoUrl</c>, <c>projectSlug</c>,
/// <c>parseEntityRef</c> and <c>pick</c>. Failures throw <see cref="ExpressionFunctionException"/>.
/// </summary>
public sealed class BackstageFilters(ScmIntegrations integrations)
{
    public static readonly IReadOnlyDictionary<string, TemplatingExtension> Documentation = new Dictionary<string, TemplatingExtension>(StringComparer.Ordinal)
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
            [new TemplatingExample("Obtain the owner of a repository", "${{ parameters.repoUrl | parseRepoUrl }}")]),
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
            [new TemplatingExample("Name of the owner", "${{ parameters.owner | parseEntityRef }}")]),
        ["pick"] = new(
            "The value at a property path (a.b[0].c) of an object.",
            new JsonObject
            {
                ["input"] = new JsonObject { ["type"] = "object" },
                ["arguments"] = new JsonArray(new JsonObject { ["type"] = "string" }),
                ["output"] = new JsonObject(),
            },
            [new TemplatingExample("The kind of a parsed reference", "${{ parameters.owner | parseEntityRef | pick \"kind\" }}")]),
    };

    public JsonObject ParseRepoUrl(string? url)
    {
        RepoUrl parsed;
        try
        {
            parsed = RepoUrl.Parse(url, integrations);
        }
        catch (PublishingException e)
        {
            throw new ExpressionFunctionException(e.Message, e);
        }
        catch (Scaffolder.Common.Errors.ServiceError e)
        {
            throw new ExpressionFunctionException(e.Message, e);
        }

        var result = new JsonObject { ["host"] = parsed.Host };
        Add(result, "owner", parsed.Owner);
        Add(result, "repo", parsed.Repo);
        Add(result, "organization", parsed.Organization);
        Add(result, "workspace", parsed.Workspace);
        Add(result, "project", parsed.Project);
        return result;
    }

    public string ProjectSlug(string? url)
    {
        var parsed = ParseRepoUrl(url);
        return $"{parsed["owner"]?.GetValue<string>()}/{parsed["repo"]?.GetValue<string>()}";
    }

    public static JsonObject ParseEntityRef(string? reference, JsonNode? options)
    {
        var defaultKind = options?["defaultKind"] is JsonValue kind && kind.TryGetValue<string>(out var k) ? k : null;
        var defaultNamespace = options?["defaultNamespace"] is JsonValue ns && ns.TryGetValue<string>(out var n) ? n : null;
        if (!EntityRef.TryParse(reference, out var parsed, out var error, defaultKind, defaultNamespace))
        {
            throw new ExpressionFunctionException(error);
        }

        return new JsonObject { ["kind"] = parsed.Kind, ["namespace"] = parsed.Namespace, ["name"] = parsed.Name };
    }

    /// <summary>lodash <c>get</c>: dots separate keys, <c>[n]</c> indexes arrays (and <c>["key"]</c> quotes keys).</summary>
    public static JsonNode? Pick(JsonNode? value, string? path)
    {
        if (path is null)
        {
            return null;
        }

        var current = value;
        foreach (var key in PathKeys(path))
        {
            current = current switch
            {
                JsonObject obj => obj[key],
                JsonArray array when int.TryParse(key, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current?.DeepClone();
    }

    private static IEnumerable<string> PathKeys(string path)
    {
        var key = new System.Text.StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                if (key.Length > 0)
                {
                    yield return key.ToString();
                    key.Clear();
                }
            }
            else if (c == '[')
            {
                if (key.Length > 0)
                {
                    yield return key.ToString();
                    key.Clear();
                }

                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    key.Append(path[(i + 1)..]);
                    break;
                }

                yield return path[(i + 1)..end].Trim('"', '\'');
                i = end;
            }
            else
            {
                key.Append(c);
            }
        }

        if (key.Length > 0)
        {
            yield return key.ToString();
        }
    }

    private static void Add(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}

/// <summary>A filter or function of the expression language refused its argument.</summary>
public sealed class ExpressionFunctionException(string message, Exception? inner = null) : Exception(message, inner);
