using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Validation;

namespace Scaffolder.Catalog.Relations;

/// <summary>
/// Derives relations from an entity's spec fields: for every reference, the forward relation on the
/// entity and the reverse relation on the target. References default to the field's kind and to the
/// entity's own namespace. Targets need not exist.
/// </summary>
public static class RelationDeriver
{
    public sealed record Result(IReadOnlyList<EntityRelation> Relations, IReadOnlyList<string> Errors);

    public static Result Derive(JsonObject entity, KindDefinition kind)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(kind);
        var self = EntityJson.RefOf(entity);
        var selfRef = self.ToString();
        var relations = new List<EntityRelation>();
        var errors = new List<string>();
        var spec = EntityJson.Spec(entity);
        if (spec is null)
        {
            return new Result(relations, errors);
        }

        foreach (var field in kind.RelationFields)
        {
            foreach (var reference in References(spec[field.SpecField]))
            {
                if (!EntityRef.TryParse(reference, out var target, out var error, field.DefaultKind, self.Namespace))
                {
                    errors.Add($"spec.{field.SpecField}: {error}");
                    continue;
                }

                var targetRef = target.ToString();
                relations.Add(new EntityRelation(selfRef, field.Forward, targetRef));
                relations.Add(new EntityRelation(targetRef, field.Reverse, selfRef));
            }
        }

        return new Result(relations.Distinct().ToList(), errors);
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(JsonShape.AsString).OfType<string>(),
        _ when JsonShape.AsString(node) is { } single => [single],
        _ => [],
    };
}
