using System.Text.Json.Nodes;

namespace Scaffolder.Publishing.Tests.Infrastructure;

/// <summary>An API request a fake provider received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, JsonNode? Body, IReadOnlyDictionary<string, string> Headers)
{
    public override string ToString() => $"{Method} {Path}";
}
