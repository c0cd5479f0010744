using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>type</c>: one type name or a list; <c>integer</c> is any number without a fractional part.</summary>
internal sealed class TypeKeyword(IReadOnlyList<string> types) : Keyword
{
    public static readonly IReadOnlySet<string> KnownTypes =
        new HashSet<string>(StringComparer.Ordinal) { "array", "boolean", "integer", "null", "number", "object", "string", "any" };

    private readonly JsonArray _argument = new(types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
    private readonly string _message = "is not of a type(s) " + string.Join(',', types);

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        foreach (var type in types)
        {
            if (Matches(type, instance))
            {
                return true;
            }
        }

        errors?.Add(run.Error(schema, instance, "type", _message, _argument));
        return false;
    }

    public static bool Matches(string type, JsonNode? instance)
    {
        var kind = JsonValues.Kind(instance);
        return type switch
        {
            "string" => kind == JsonValueKind.String,
            "number" => JsonValues.TryGetNumber(instance, out _),
            "integer" => JsonValues.TryGetNumber(instance, out var number) && number.IsInteger,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "array" => kind == JsonValueKind.Array,
            "object" => kind == JsonValueKind.Object,
            "null" => kind == JsonValueKind.Null,
            "any" => true,
            _ => false,
        };
    }
}
