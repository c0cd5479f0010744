using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema;

/// <summary>One-call validation, like the <c>jsonschema</c> library's <c>validate(instance, schema)</c>.</summary>
public static class JsonSchemaValidator
{
    /// <summary>Compiles <paramref name="schema"/> and validates <paramref name="instance"/> against it.</summary>
    /// <exception cref="InvalidJsonSchemaException">The schema itself is unusable (use <see cref="JsonSchema.TryCompile"/> to get the problems without an exception).</exception>
    public static IReadOnlyList<SchemaValidationError> Validate(JsonNode? schema, JsonNode? instance, string rootName = "instance") =>
        JsonSchema.Compile(schema).Validate(instance, rootName);

    /// <summary>Compiles <paramref name="schema"/> and fills absent properties of <paramref name="values"/> from its defaults (see <see cref="JsonSchema.ApplyDefaults"/>).</summary>
    /// <exception cref="InvalidJsonSchemaException">The schema itself is unusable.</exception>
    public static JsonNode? ApplyDefaults(JsonNode? schema, JsonNode? values) =>
        JsonSchema.Compile(schema).ApplyDefaults(values);
}
