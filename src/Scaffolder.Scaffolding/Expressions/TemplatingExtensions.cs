using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Expressions;

/// <summary>Documentation of one filter or global function: description, JSON schema of its arguments and result, examples.</summary>
public sealed record TemplatingExtension(string Description, JsonObject? Schema = null, IReadOnlyList<TemplatingExample>? Examples = null);

/// <summary>An example use of a filter or function, with its result.</summary>
public sealed record TemplatingExample(string Description, string Example, string? Notes = null);

/// <summary>The filters, global functions and global values expressions may use.</summary>
public sealed record TemplatingExtensions(
    IReadOnlyDictionary<string, TemplatingExtension> Filters,
    IReadOnlyDictionary<string, TemplatingExtension> GlobalFunctions,
    IReadOnlyDictionary<string, JsonNode?> GlobalValues);
