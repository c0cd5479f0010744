using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Compilation;

/// <summary>
/// Resolves <c>$ref</c> strings within one schema document: <c>#</c>, JSON pointers
/// (<c>#/definitions/name</c>), plain-name ids (<c>#address</c>), and the same with the document's
/// own <c>$id</c> in front. Anything else would need another document, which is not fetched.
/// </summary>
internal sealed class ReferenceTargets(JsonNode root)
{
    private Dictionary<string, JsonNode>? _anchors;

    /// <summary>Finds what <paramref name="reference"/> points at; otherwise says why in <paramref name="problem"/>.</summary>
    public bool TryFind(string reference, out JsonNode? target, out string targetLocation, out string? problem)
    {
        target = null;
        targetLocation = "#";
        problem = null;
        string fragment;
        if (reference.StartsWith('#'))
        {
            fragment = reference[1..];
        }
        else if (RootBase() is { Length: > 0 } rootBase
                 && reference.StartsWith(rootBase, StringComparison.Ordinal)
                 && (reference.Length == rootBase.Length || reference[rootBase.Length] == '#'))
        {
            fragment = reference.Length == rootBase.Length ? string.Empty : reference[(rootBase.Length + 1)..];
        }
        else
        {
            problem = $"$ref \"{reference}\" points outside this schema; only references within it (\"#\", \"#/definitions/name\") are supported";
            return false;
        }

        if (fragment.Length == 0 || fragment.StartsWith('/'))
        {
            if (!JsonPointer.TryResolve(root, fragment, out target))
            {
                problem = $"$ref \"{reference}\" does not resolve: there is nothing at \"#{fragment}\" in this schema";
                return false;
            }

            targetLocation = "#" + fragment;
        }
        else if (!Anchors().TryGetValue("#" + fragment, out target))
        {
            problem = $"$ref \"{reference}\" does not resolve: no subschema has the id \"#{fragment}\"";
            return false;
        }
        else
        {
            targetLocation = "#" + fragment;
        }

        if (!SchemaShapes.IsSchema(target))
        {
            problem = $"$ref \"{reference}\" points at {SchemaShapes.Describe(target)}, not at {SchemaShapes.Kinds}";
            return false;
        }

        return true;
    }

    private string? RootBase()
    {
        if (root is not JsonObject obj)
        {
            return null;
        }

        var id = JsonValues.TryGetString(obj["$id"], out var modern) && modern.Length > 0 ? modern
            : JsonValues.TryGetString(obj["id"], out var legacy) ? legacy : null;
        if (id is null)
        {
            return null;
        }

        var hash = id.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? id[..hash] : id;
    }

    /// <summary>Subschemas named by a plain-name fragment id (<c>"$id": "#address"</c>), found once on demand.</summary>
    private Dictionary<string, JsonNode> Anchors()
    {
        if (_anchors is not null)
        {
            return _anchors;
        }

        _anchors = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is JsonObject obj)
            {
                foreach (var idKey in new[] { "$id", "id" })
                {
                    if (JsonValues.TryGetString(obj[idKey], out var id) && id.StartsWith('#'))
                    {
                        _anchors.TryAdd(id, obj);
                    }
                }

                foreach (var (_, child) in obj)
                {
                    if (child is JsonObject or JsonArray)
                    {
                        stack.Push(child);
                    }
                }
            }
            else if (current is JsonArray array)
            {
                foreach (var child in array)
                {
                    if (child is JsonObject or JsonArray)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        return _anchors;
    }
}
