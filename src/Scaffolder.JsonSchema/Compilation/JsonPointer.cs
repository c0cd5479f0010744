using System.Globalization;
using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Compilation;

/// <summary>JSON pointers (RFC 6901) as used in <c>$ref</c> fragments and in problem locations.</summary>
internal static class JsonPointer
{
    public static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string location, string segment) => location + "/" + Escape(segment);

    public static string Append(string location, int index) => location + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Follows a URI-fragment pointer (<c>/definitions/a%20b</c>, percent-decoded first) from
    /// <paramref name="root"/>. False when a step does not exist.
    /// </summary>
    public static bool TryResolve(JsonNode root, string fragment, out JsonNode? target)
    {
        target = root;
        if (fragment.Length == 0)
        {
            return true;
        }

        var decoded = Uri.UnescapeDataString(fragment);
        foreach (var rawSegment in decoded.Split('/').Skip(1))
        {
            var segment = rawSegment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (target)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                    target = child;
                    break;
                case JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                                          && index < array.Count
                                          && (segment.Length == 1 || segment[0] != '0'):
                    target = array[index];
                    break;
                default:
                    target = null;
                    return false;
            }
        }

        return true;
    }
}
