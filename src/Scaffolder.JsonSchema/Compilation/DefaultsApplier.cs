using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Compilation;

/// <summary>Fills absent properties from their schemas' <c>default</c>s (see <see cref="JsonSchema.ApplyDefaults"/>).</summary>
internal static class DefaultsApplier
{
    public static JsonNode? Apply(SchemaNode schema, JsonNode? values)
    {
        if (DocumentDepth.FindTooDeep(values, Limits.MaxDocumentDepth) is not null)
        {
            throw new ArgumentException($"The values nest more than {Limits.MaxDocumentDepth} levels deep.", nameof(values));
        }

        if (values is not JsonObject obj)
        {
            return values?.DeepClone();
        }

        var result = (JsonObject)obj.DeepClone();
        Fill(schema.Resolved, result, new HashSet<SchemaNode>(ReferenceEqualityComparer.Instance));
        return result;
    }

    /// <summary>
    /// <paramref name="creating"/> holds the schemas of objects being built from defaults alone, so a
    /// recursive schema (a property referring back to its parent) stops instead of building forever.
    /// </summary>
    private static void Fill(SchemaNode schema, JsonObject target, HashSet<SchemaNode> creating)
    {
        foreach (var (name, propertySchema) in schema.PropertySchemas)
        {
            var resolved = propertySchema.Resolved;
            if (target.TryGetPropertyValue(name, out var present))
            {
                if (present is JsonObject nested)
                {
                    Fill(resolved, nested, creating);
                }

                continue;
            }

            if (resolved.HasDefault)
            {
                target[name] = resolved.Default?.DeepClone();
                continue;
            }

            if (resolved.PropertySchemas.Count == 0 || !RuntimeHelpers.TryEnsureSufficientExecutionStack() || !creating.Add(resolved))
            {
                continue;
            }

            var created = new JsonObject();
            Fill(resolved, created, creating);
            creating.Remove(resolved);
            if (created.Count > 0)
            {
                target[name] = created;
            }
        }
    }
}
