using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Publishing.Secrets;

namespace Scaffolder.Scaffolding.Execution;

/// <summary>Redaction of secrets from JSON values: every string and every key, never the structure.</summary>
public static class JsonRedaction
{
    public static JsonNode? Redact(JsonNode? value, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        if (redactor.IsEmpty)
        {
            return value?.DeepClone();
        }

        return value switch
        {
            null => null,
            JsonObject obj => RedactObject(obj, redactor),
            JsonArray array => new JsonArray(array.Select(item => Redact(item, redactor)).ToArray()),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(redactor.Redact(v.GetValue<string>())),
            _ => value.DeepClone(),
        };
    }

    public static JsonObject RedactObject(JsonObject value, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(redactor);
        var result = new JsonObject();
        foreach (var (key, child) in value)
        {
            result[redactor.Redact(key)] = Redact(child, redactor);
        }

        return result;
    }
}
