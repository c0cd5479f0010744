namespace Scaffolder.Catalog.Validation;

/// <summary>One field of a kind's <c>spec</c> and the shape it must have.</summary>
public sealed record SpecField(string Name, SpecFieldType Type, bool Required = false, IReadOnlyList<string>? AllowedValues = null);
