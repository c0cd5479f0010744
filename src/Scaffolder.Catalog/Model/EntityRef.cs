using System.Globalization;
using Scaffolder.Common.Errors;

namespace Scaffolder.Catalog.Model;

/// <summary>
/// A reference to an entity: <c>[kind:][namespace/]name</c>. Matching is case-insensitive;
/// <see cref="ToString"/> gives the canonical, all-lowercase form used as the catalog's key.
/// </summary>
public readonly record struct EntityRef(string Kind, string Namespace, string Name)
{
    public const string DefaultNamespace = "default";

    /// <summary>
    /// Parses a string reference. The kind ends at the first <c>:</c> and the namespace at the
    /// first <c>/</c> after it; missing parts come from the defaults.
    /// </summary>
    public static EntityRef Parse(string reference, string? defaultKind = null, string? defaultNamespace = null)
    {
        if (!TryParse(reference, out var result, out var error, defaultKind, defaultNamespace))
        {
            throw new InputError(error);
        }

        return result;
    }

    public static bool TryParse(
        string? reference,
        out EntityRef result,
        out string error,
        string? defaultKind = null,
        string? defaultNamespace = null)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(reference))
        {
            error = "Entity reference must not be empty";
            return false;
        }

        var rest = reference;
        string? kind = null;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            kind = rest[..colon];
            rest = rest[(colon + 1)..];
        }

        string? ns = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            ns = rest[..slash];
            rest = rest[(slash + 1)..];
        }

        kind ??= defaultKind;
        ns ??= defaultNamespace ?? DefaultNamespace;
        if (string.IsNullOrEmpty(kind))
        {
            error = $"Entity reference \"{reference}\" had missing or empty kind (e.g. did not start with \"component:\" or similar)";
            return false;
        }

        if (ns.Length == 0)
        {
            error = $"Entity reference \"{reference}\" had missing or empty namespace";
            return false;
        }

        if (rest.Length == 0)
        {
            error = $"Entity reference \"{reference}\" had missing or empty name";
            return false;
        }

        result = new EntityRef(kind, ns, rest);
        error = string.Empty;
        return true;
    }

    /// <summary>Canonical form: <c>kind:namespace/name</c>, all lowercase.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Lower(Kind)}:{Lower(Namespace)}/{Lower(Name)}");

    public bool Matches(EntityRef other) =>
        string.Equals(Kind, other.Kind, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Namespace, other.Namespace, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    // Backstage lowercases with en-US rules (toLocaleLowerCase('en-US')), which matches invariant rules.
    internal static string Lower(string value) => value.ToLowerInvariant();
}
