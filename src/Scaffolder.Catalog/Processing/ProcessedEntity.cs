using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;

namespace Scaffolder.Catalog.Processing;

/// <summary>An entity that passed processing: normalised JSON and the relations it emits.</summary>
public sealed record ProcessedEntity(EntityRef Ref, JsonObject Entity, KindDefinition Kind, IReadOnlyList<EntityRelation> Relations)
{
    public string CanonicalRef { get; } = Ref.ToString();
}
