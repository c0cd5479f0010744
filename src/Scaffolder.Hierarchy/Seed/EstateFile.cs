using Scaffolder.Catalog.Ingestion;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Service;

namespace Scaffolder.Hierarchy.Seed;

/// <summary>Reads an estate (<c>{nodes: [...]}</c>, nodes nested through <c>children</c>) written as YAML or JSON.</summary>
public static class EstateFile
{
    /// <summary>The seed estate shipped next to the binary.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Seed", "estate.yaml");

    public static IReadOnlyList<NodeDraft> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var documents = YamlDocuments.Parse(text);
        if (documents.Count != 1)
        {
            throw new InputError($"An estate is one YAML or JSON document, not {documents.Count}");
        }

        if (documents[0].Error is { } error)
        {
            throw new InputError($"The estate is not valid YAML or JSON: {error}");
        }

        return NodeDocuments.ParseEstate(documents[0].Value);
    }

    public static async Task<IReadOnlyList<NodeDraft>> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken));
}
