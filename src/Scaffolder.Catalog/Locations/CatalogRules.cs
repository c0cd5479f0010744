using System.Text.RegularExpressions;

namespace Scaffolder.Catalog.Locations;

/// <summary>
/// Decides whether a location may add an entity of a kind. With no rules configured every kind is
/// allowed from every location; otherwise an entity needs a rule that allows its kind and matches
/// its location.
/// </summary>
public sealed class CatalogRules(IReadOnlyList<CatalogRule> rules)
{
    public static CatalogRules AllowAll { get; } = new([]);

    public bool IsAllowed(string kind, LocationSpec location) =>
        rules.Count == 0 || rules.Any(rule =>
            rule.Allow.Any(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase))
            && (rule.Locations is null || rule.Locations.Any(l => Matches(l, location))));

    private static bool Matches(CatalogRuleLocation rule, LocationSpec location)
    {
        if (!string.Equals(rule.Type, location.Type, StringComparison.Ordinal))
        {
            return false;
        }

        if (rule.Target is not null)
        {
            return string.Equals(rule.Target, location.Target, StringComparison.Ordinal);
        }

        return rule.Pattern is null || GlobToRegex(rule.Pattern).IsMatch(location.Target);
    }

    private static Regex GlobToRegex(string pattern)
    {
        var escaped = Regex.Escape(pattern).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex($"^{escaped}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
