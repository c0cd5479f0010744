namespace Scaffolder.Scaffolding.Actions;

/// <summary>A documented use of an action: a description and a YAML step snippet.</summary>
public sealed record ActionExample(string Description, string Example);
