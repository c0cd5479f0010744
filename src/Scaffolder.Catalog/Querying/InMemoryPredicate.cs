using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;

namespace Scaffolder.Catalog.Querying;

/// <summary>
/// Evaluates a filter predicate against a flat record of string fields (used for locations,
/// which are few enough to filter in memory). Same operators and case-insensitivity as entity predicates.
/// </summary>
public static class InMemoryPredicate
{
    public static bool Matches(JsonNode? predicate, IReadOnlyDictionary<string, string?> record)
    {
        if (predicate is not JsonObject obj)
        {
            throw new InputError("Query must be an object");
        }

        return MatchesObject(obj, record);
    }

    private static bool MatchesObject(JsonObject predicate, IReadOnlyDictionary<string, string?> record)
    {
        foreach (var (key, value) in predicate)
        {
            var holds = key switch
            {
                "$all" => Items(value, key).All(p => MatchesObject(p, record)),
                "$any" => Items(value, key).Any(p => MatchesObject(p, record)),
                "$not" => value is JsonObject inner ? !MatchesObject(inner, record) : throw Invalid("$not expects a predicate object"),
                _ when key.StartsWith('$') => throw Invalid($"unknown operator {key}"),
                _ => MatchesValue(record.TryGetValue(key, out var actual) ? actual : null, record.ContainsKey(key), value),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesValue(string? actual, bool exists, JsonNode? expected)
    {
        if (Text(expected) is { } text)
        {
            return actual is not null && string.Equals(actual, text, StringComparison.OrdinalIgnoreCase);
        }

        if (expected is not JsonObject matcher || matcher.Count != 1)
        {
            throw Invalid("a value must be a string, number, boolean or one matcher object");
        }

        var (op, operand) = matcher.First();
        return op switch
        {
            "$exists" => operand is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? flag.GetValue<bool>() == exists
                : throw Invalid("$exists expects true or false"),
            "$in" => operand is JsonArray options
                ? options.Any(o => actual is not null && string.Equals(actual, Text(o), StringComparison.OrdinalIgnoreCase))
                : throw Invalid("$in expects an array of values"),
            "$hasPrefix" or "$startsWith" => Text(operand) is { } prefix
                ? actual?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true
                : throw Invalid($"{op} expects a string"),
            _ => throw Invalid($"unknown matcher {op}"),
        };
    }

    private static IEnumerable<JsonObject> Items(JsonNode? node, string op) =>
        node is JsonArray array ? array.Select(i => i as JsonObject ?? throw Invalid($"{op} expects predicate objects")) : throw Invalid($"{op} expects an array");

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    private static InputError Invalid(string reason) => new($"Invalid query: {reason}");
}
