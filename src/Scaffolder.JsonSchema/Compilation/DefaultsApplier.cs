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
        var root = schema.Resolved;
        Fill(root, result, new HashSet<SchemaNode>(ReferenceEqualityComparer.Instance) { root });
        return result;
    }

    /// <summary>
    /// <paramref name="enclosing"/> holds the schemas of the objects being filled around this one, so
    /// a recursive schema (a property referring back to an enclosing one) does not build objects
    /// nobody asked for, let alone forever.
    /// </summary>
    private static void Fill(SchemaNode schema, JsonObject target, HashSet<SchemaNode> enclosing)
    {
        foreach (var (name, propertySchema) in schema.PropertySchemas)
        {
            var resolved = propertySchema.Resolved;
            if (target.TryGetPropertyValue(name, out var present))
            {
                if (present is JsonObject nested)
                {
                    var added = enclosing.Add(resolved);
                    Fill(resolved, nested, enclosing);
                    if (added)
                    {
                        enclosing.Remove(resolved);
                    }
                }

                continue;
            }

            if (resolved.HasDefault)
            {
                target[name] = resolved.Default?.DeepClone();
                continue;
            }

            if (resolved.PropertySchemas.Count == 0 || !RuntimeHelpers.TryEnsureSufficientExecutionStack() || !enclosing.Add(resolved))
            {
                continue;
            }

            var created = new JsonObject();
            Fill(resolved, created, enclosing);
            enclosing.Remove(resolved);
            if (created.Count > 0)
            {
                target[name] = created;
            }
        }
    }
}
