using Scaffolder.Catalog.Model;
using Scaffolder.Common.Errors;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Querying;

/// <summary>
/// The <c>filter=</c> query language: each parameter is comma-separated <c>key</c> or <c>key=value</c>
/// statements AND-ed together (the same key repeated is OR-ed, a bare key means "exists"); separate
/// parameters are OR-ed. Case-insensitive throughout.
/// </summary>
public static class FilterParser
{
    /// <summary>Parses every <c>filter</c> parameter; null when none constrains anything.</summary>
    public static EntityPredicate? Parse(IEnumerable<string>? filterParameters)
    {
        var alternatives = new List<EntityPredicate>();
        foreach (var parameter in filterParameters ?? [])
        {
            if (ParseOne(parameter) is { } alternative)
            {
                alternatives.Add(alternative);
            }
        }

        return alternatives.Count switch
        {
            0 => null,
            1 => alternatives[0],
            _ => new AnyOf(alternatives),
        };
    }

    private static EntityPredicate? ParseOne(string parameter)
    {
        var byKey = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var rawStatement in parameter.Split(','))
        {
            var statement = rawStatement.Trim();
            if (statement.Length == 0)
            {
                continue;
            }

            var equals = statement.IndexOf('=', StringComparison.Ordinal);
            var key = EntityRef.Lower((equals < 0 ? statement : statement[..equals]).Trim());
            if (key.Length == 0)
            {
                throw new InputError(
                    $"Invalid filter, '{statement}' is not a valid statement (expected a string on the form a=b or a= or a)");
            }

            if (!byKey.TryGetValue(key, out var values))
            {
                order.Add(key);
                byKey[key] = null;
            }

            if (equals >= 0)
            {
                (byKey[key] ??= []).Add(EntityRef.Lower(statement[(equals + 1)..].Trim()));
            }
        }

        if (order.Count == 0)
        {
            return null;
        }

        return new AllOf(order.Select(key => byKey[key] is { } values
            ? (EntityPredicate)new ValueIn(key, values.Distinct(StringComparer.Ordinal).ToList())
            : new HasKey(key)).ToList());
    }
}
