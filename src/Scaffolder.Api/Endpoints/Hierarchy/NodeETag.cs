using System.Globalization;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Endpoints.Hierarchy;

/// <summary>
/// A node's revision is its entity tag: reads send it as <c>ETag: "7"</c>, writes may send it back as
/// <c>If-Match: "7"</c>, and a write against any other revision is refused as a conflict.
/// </summary>
public static class NodeETag
{
    public static string Format(long revision) => string.Create(CultureInfo.InvariantCulture, $"\"{revision}\"");

    public static void Set(HttpResponse response, long revision) => response.Headers.ETag = Format(revision);

    /// <summary>The revision named by <c>If-Match</c>; null when absent or <c>*</c> (any revision).</summary>
    public static long? Expected(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        value = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw new InputError($"If-Match must be one node ETag, e.g. \"7\" as sent in the ETag header of a read; got {header}");
    }
}
