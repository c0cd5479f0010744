using System.Text.Json.Nodes;
using Scaffolder.Catalog.Relations;
using Scaffolder.Catalog.Validation;

namespace Scaffolder.Catalog.Model;

/// <summary>
/// What the catalog knows about one kind: the apiVersions it accepts, the shape of its spec, and
/// the spec fields that produce relations.
/// </summary>
public sealed record KindDefinition(
    string Kind,
    IReadOnlyList<string> ApiVersions,
    IReadOnlyList<SpecField> SpecFields,
    IReadOnlyList<RelationField> RelationFields)
{
    /// <summary>Checks beyond field shapes (e.g. the steps of a Template); returns problem messages.</summary>
    public Func<JsonObject, IEnumerable<string>>? ExtraRules { get; init; }

    public bool Accepts(string kind, string apiVersion) =>
        string.Equals(kind, Kind, StringComparison.Ordinal) && ApiVersions.Contains(apiVersion, StringComparer.Ordinal);
}
