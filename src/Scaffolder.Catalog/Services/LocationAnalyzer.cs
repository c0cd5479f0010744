using System.Text.Json.Nodes;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Model;
using Scaffolder.Common.Errors;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Services;

/// <summary>
/// <c>POST /analyze-location</c>: looks at a URL (a catalog file, or a repository/folder URL where
/// <c>catalogFilename</c> is looked for) and reports the entities already described there, or
/// proposes one for the user to complete.
/// </summary>
public sealed class LocationAnalyzer(IEnumerable<ILocationReader> readers, CatalogStore store)
{
    public const string DefaultCatalogFilename = "catalog-info.yaml";

    public async Task<JsonObject> AnalyzeAsync(LocationSpec location, string? catalogFilename, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(location.Target, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new InputError("The given location.target is not a URL");
        }

        var reader = readers.FirstOrDefault(r => r.Type == "url") ?? throw new NotImplementedError("Reading url locations is not configured");
        var fileUrl = LooksLikeCatalogFile(url)
            ? url
            : new Uri(url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"), catalogFilename ?? DefaultCatalogFilename);

        string? text;
        try
        {
            text = await reader.ReadAsync(fileUrl.AbsoluteUri, cancellationToken);
        }
        catch (NotFoundError)
        {
            text = null;
        }

        var registered = (await store.ListLocationsAsync(cancellationToken)).Any(l => l.Type == "url" && l.Target == fileUrl.AbsoluteUri);
        var existing = new JsonArray();
        foreach (var document in text is null ? [] : YamlDocuments.Parse(text))
        {
            if (document.Value is JsonObject entity)
            {
                existing.Add(new JsonObject
                {
                    ["entity"] = entity,
                    ["isRegistered"] = registered,
                    ["location"] = new JsonObject { ["type"] = "url", ["target"] = fileUrl.AbsoluteUri },
                });
            }
        }

        var generate = new JsonArray();
        if (existing.Count == 0)
        {
            generate.Add(Proposal(url));
        }

        return new JsonObject { ["existingEntityFiles"] = existing, ["generateEntities"] = generate };
    }

    private static bool LooksLikeCatalogFile(Uri url) =>
        url.AbsolutePath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || url.AbsolutePath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Proposal(Uri url)
    {
        var lastSegment = url.Segments.Select(s => s.Trim('/')).LastOrDefault(s => s.Length > 0) ?? url.Host;
        var name = new string(lastSegment.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-', '_', '.');
        return new JsonObject
        {
            ["entity"] = new JsonObject
            {
                ["apiVersion"] = "backstage.io/v1alpha1",
                ["kind"] = "Component",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name.Length > 0 ? name[..Math.Min(name.Length, 63)] : "component",
                    ["annotations"] = new JsonObject { [Annotations.SourceLocation] = $"url:{url.AbsoluteUri}" },
                },
                ["spec"] = new JsonObject { ["type"] = "other", ["lifecycle"] = "unknown" },
            },
            ["fields"] = new JsonArray(
                Field("spec.owner", "needsUserInput", null, "Entity owner"),
                Field("spec.type", "analysisSuggestedValue", "other", "Entity type"),
                Field("spec.lifecycle", "analysisSuggestedValue", "unknown", "Entity lifecycle")),
        };
    }

    private static JsonObject Field(string field, string state, string? value, string description) => new()
    {
        ["field"] = field,
        ["state"] = state,
        ["value"] = value,
        ["description"] = description,
    };
}
