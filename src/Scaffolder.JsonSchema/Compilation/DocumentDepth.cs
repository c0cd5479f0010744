using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Compilation;

/// <summary>Measures nesting without recursion, so a pathologically deep document cannot overflow the stack.</summary>
internal static class DocumentDepth
{
    /// <summary>
    /// Finds a node nested deeper than <paramref name="maxDepth"/> and returns the path to it
    /// (property names and indexes), or null when the document stays within the limit.
    /// </summary>
    public static IReadOnlyList<object>? FindTooDeep(JsonNode? root, int maxDepth)
    {
        var stack = new Stack<(JsonNode Node, int Depth)>();
        if (root is JsonObject or JsonArray)
        {
            stack.Push((root, 1));
        }

        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > maxDepth)
            {
                return PathFrom(root!, node);
            }

            switch (node)
            {
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        if (child is JsonObject or JsonArray)
                        {
                            stack.Push((child, depth + 1));
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        if (child is JsonObject or JsonArray)
                        {
                            stack.Push((child, depth + 1));
                        }
                    }

                    break;
            }
        }

        return null;
    }

    private static List<object> PathFrom(JsonNode root, JsonNode node)
    {
        var path = new List<object>();
        for (var current = node; !ReferenceEquals(current, root) && current.Parent is not null; current = current.Parent)
        {
            path.Add(current.Parent is JsonArray ? current.GetElementIndex() : current.GetPropertyName());
        }

        path.Reverse();
        return path;
    }
}
