namespace Scaffolder.Api.Http;

/// <summary>Reads repeated and comma-joined query parameters.</summary>
public static class QueryValues
{
    public static IReadOnlyList<string> All(HttpRequest request, string name) =>
        request.Query[name].Where(v => v is not null).Select(v => v!).ToList();

    public static string? Single(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>Backstage's lenient boolean parsing (<c>true/yes/y/1/on</c>).</summary>
    public static bool Flag(HttpRequest request, string name) =>
        Single(request, name)?.Trim().ToLowerInvariant() is "true" or "yes" or "y" or "1" or "on";
}
