using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Actions;

/// <summary>
/// Stand-in outputs for actions skipped in a dry run, made from their output schema as Backstage
/// does: a property's first example, else a placeholder of its type.
/// </summary>
public static class ExampleOutput
{
    public static JsonObject From(JsonObject? outputSchema)
    {
        var result = new JsonObject();
        if (outputSchema?["properties"] is JsonObject properties)
        {
            foreach (var (name, schema) in properties)
            {
                result[name] = Example(schema, 0);
            }
        }

        return result;
    }

    private static JsonNode? Example(JsonNode? schema, int depth)
    {
        if (schema is not JsonObject obj || depth > 16)
        {
            return "<unknown>";
        }

        if (obj["examples"] is JsonArray { Count: > 0 } examples)
        {
            return examples[0]?.DeepClone();
        }

        var type = obj["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                if (obj["properties"] is JsonObject properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        result[name] = Example(property, depth + 1);
                    }
                }

                return result;
            case "array":
                var items = obj["items"] is JsonArray tuple ? tuple.FirstOrDefault() : obj["items"];
                return items is null ? new JsonArray() : new JsonArray(Example(items, depth + 1));
            case "string":
                return "<example>";
            case "number" or "integer":
                return 0;
            case "boolean":
                return false;
            default:
                return "<unknown>";
        }
    }
}
