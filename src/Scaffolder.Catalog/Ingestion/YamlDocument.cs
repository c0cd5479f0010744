using System.Text.Json.Nodes;

namespace Scaffolder.Catalog.Ingestion;

/// <summary>One document of a YAML stream: its value (null for an empty document) or the reason it could not be read.</summary>
public sealed record YamlDocument(int Index, JsonNode? Value, string? Error);
