namespace Scaffolder.Catalog.Model;

/// <summary>A relation from <see cref="SourceRef"/> to <see cref="TargetRef"/>; refs are canonical.</summary>
public readonly record struct EntityRelation(string SourceRef, string Type, string TargetRef);
