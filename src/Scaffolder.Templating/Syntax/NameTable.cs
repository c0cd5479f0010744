using System.Collections.Concurrent;

namespace Scaffolder.Templating.Syntax;

/// <summary>
/// One shared instance per variable name, so that runtime lookups can usually decide by reference.
/// Unlike <see cref="string.Intern(string)"/>, the table is bounded: untrusted templates full of
/// distinct names cannot grow the process for good. Past the bound names are used as they are, and
/// lookups fall back to comparing characters.
/// </summary>
internal static class NameTable
{
    private const int Capacity = 100_000;
    private static readonly ConcurrentDictionary<string, string> Names = Seed();

    public static string Get(string name)
    {
        if (Names.TryGetValue(name, out var shared))
        {
            return shared;
        }

        if (Names.Count < Capacity)
        {
            return Names.GetOrAdd(name, name);
        }

        Overflowed = true;
        return name;
    }

    /// <summary>Some names in use are not the table's instances: compare characters, not references.</summary>
    public static bool Overflowed { get; private set; }

    /// <summary>Equal names; by reference when both come from the table.</summary>
    public static bool Same(string a, string b) => ReferenceEquals(a, b) || (a.Length == b.Length && string.Equals(a, b, StringComparison.Ordinal));

    private static ConcurrentDictionary<string, string> Seed()
    {
        // The loop objects are stored under these literals: make them the shared instances.
        var names = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        foreach (var literal in (string[])["for", "while", "tablerow"])
        {
            names[literal] = literal;
        }

        return names;
    }
}
