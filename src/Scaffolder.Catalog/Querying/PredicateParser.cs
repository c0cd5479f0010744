using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Common.Errors;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Querying;

/// <summary>
/// Backstage's filter predicates (<c>@backstage/filter-predicates</c>), as sent to the POST query
/// endpoints: an object whose keys are dot paths matched case-insensitively, with the logical
/// operators <c>$all</c>, <c>$any</c>, <c>$not</c> and the value matchers <c>$exists</c>,
/// <c>$in</c>, <c>$contains</c>, <c>$hasPrefix</c> (alias <c>$startsWith</c>).
/// </summary>
public static class PredicateParser
{
    private const int MaxDepth = 32;

    public static EntityPredicate Parse(JsonNode? query)
    {
        if (query is not JsonObject root)
        {
            throw new InputError("Query must be an object");
        }

        return ParseObject(root, 0);
    }

    private static EntityPredicate ParseObject(JsonObject predicate, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Invalid($"predicates nest more than {MaxDepth} levels deep");
        }

        var logical = predicate.Where(p => p.Key is "$all" or "$any" or "$not").ToList();
        if (logical.Count > 0)
        {
            if (predicate.Count != 1)
            {
                throw Invalid($"{logical[0].Key} must stand alone in its object");
            }

            var (op, operand) = logical[0];
            if (op == "$not")
            {
                return new Not(ParseNode(operand, depth + 1));
            }

            if (operand is not JsonArray items)
            {
                throw Invalid($"{op} expects an array of predicates");
            }

            var parsed = items.Select(i => ParseNode(i, depth + 1)).ToList();
            return op == "$all" ? new AllOf(parsed) : new AnyOf(parsed);
        }

        var conditions = new List<EntityPredicate>();
        foreach (var (path, value) in predicate)
        {
            if (path.StartsWith('$'))
            {
                throw Invalid($"unknown operator {path}");
            }

            conditions.Add(ParseValueMatcher(EntityRef.Lower(path), value, depth + 1));
        }

        return conditions.Count == 1 ? conditions[0] : new AllOf(conditions);
    }

    private static EntityPredicate ParseNode(JsonNode? node, int depth) =>
        node is JsonObject obj ? ParseObject(obj, depth) : throw Invalid("each predicate must be an object");

    private static EntityPredicate ParseValueMatcher(string key, JsonNode? value, int depth)
    {
        if (Primitive(value) is { } text)
        {
            return new ValueIn(key, [text]);
        }

        if (value is not JsonObject matcher || matcher.Count != 1)
        {
            throw Invalid($"the value for \"{key}\" must be a string, number, boolean or one matcher object");
        }

        var (op, operand) = matcher.First();
        switch (op)
        {
            case "$exists":
                if (operand is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw Invalid("$exists expects true or false");
                }

                return flag.GetValue<bool>() ? new HasKey(key) : new Not(new HasKey(key));
            case "$in":
                if (operand is not JsonArray options)
                {
                    throw Invalid("$in expects an array of values");
                }

                return new ValueIn(key, options.Select(o => Primitive(o) ?? throw Invalid("$in values must be strings, numbers or booleans")).ToList());
            case "$hasPrefix" or "$startsWith":
                return Primitive(operand) is { } prefix ? new ValueStartsWith(key, prefix) : throw Invalid($"{op} expects a string");
            case "$contains":
                return ParseContains(key, operand, depth);
            default:
                throw Invalid($"unknown matcher {op}");
        }
    }

    // Array elements are indexed under the array's own key (and object elements' fields under
    // key.field), so "contains" becomes a match on those keys.
    private static EntityPredicate ParseContains(string key, JsonNode? operand, int depth)
    {
        if (Primitive(operand) is { } element)
        {
            return new ValueIn(key, [element]);
        }

        if (operand is not JsonObject inner)
        {
            throw Invalid("$contains expects a value or a predicate object");
        }

        if (key == "relations" && inner["type"] is JsonValue type && Primitive(inner["targetRef"]) is { } target && inner.Count == 2)
        {
            return new ValueIn($"relations.{EntityRef.Lower(type.ToString())}", [target]);
        }

        var prefixed = new JsonObject();
        foreach (var (path, value) in inner)
        {
            prefixed[path.StartsWith('$') ? path : $"{key}.{path}"] = value?.DeepClone();
        }

        return ParseObject(prefixed, depth + 1);
    }

    private static string? Primitive(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => EntityRef.Lower(value.GetValue<string>()),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    private static InputError Invalid(string reason) => new($"Invalid query: {reason}");
}
