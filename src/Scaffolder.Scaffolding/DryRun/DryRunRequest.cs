using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.DryRun;

/// <summary>A file the dry-run template's relative URLs resolve against.</summary>
public sealed record DryRunFile(string Path, byte[] Content);

/// <summary><c>POST /v2/dry-run</c>: a whole Template entity, its values and secrets, and its files.</summary>
public sealed record DryRunRequest(JsonObject Template, JsonObject Values, IReadOnlyDictionary<string, string> Secrets, IReadOnlyList<DryRunFile> DirectoryContents);
