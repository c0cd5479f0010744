namespace Scaffolder.Catalog.Relations;

/// <summary>
/// A spec field holding one or more entity references, and the relation pair it produces: the
/// forward type on the entity itself and the reverse type on each target.
/// </summary>
/// <param name="SpecField">Field name under <c>spec</c> (a string or an array of strings).</param>
/// <param name="DefaultKind">Kind assumed when a reference omits it; null means the kind is required.</param>
public sealed record RelationField(string SpecField, string Forward, string Reverse, string? DefaultKind);
