using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Services;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Catalog;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>catalog:register</c>: registers a <c>catalog-info.yaml</c> as a <c>url</c> location. The location is
/// read and validated first (a dry run, which also yields the <c>entityRef</c> output, picked as Backstage
/// picks it); only then is it registered, all or nothing, so a failure never leaves half an entity
/// behind. With <c>optional: true</c> a failure (e.g. the location already exists) is logged, not raised.
/// </summary>
public sealed class CatalogRegisterAction(LocationService locations) : BuiltinAction(InputSchemaJson, OutputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "oneOf": [
            {
              "type": "object",
              "required": ["catalogInfoUrl"],
              "properties": {
                "catalogInfoUrl": {
                  "title": "Catalog Info URL",
                  "description": "An absolute URL pointing to the catalog info file location",
                  "type": "string"
                },
                "optional": {
                  "title": "Optional",
                  "description": "Permit the registered location to optionally exist. Default: false",
                  "type": "boolean"
                }
              }
            },
            {
              "type": "object",
              "required": ["repoContentsUrl"],
              "properties": {
                "repoContentsUrl": {
                  "title": "Repository Contents URL",
                  "description": "An absolute URL pointing to the root of a repository directory tree",
                  "type": "string"
                },
                "catalogInfoPath": {
                  "title": "Fetch URL",
                  "description": "A relative path from the repo root pointing to the catalog info file, defaults to /catalog-info.yaml",
                  "type": "string"
                },
                "optional": {
                  "title": "Optional",
                  "description": "Permit the registered location to optionally exist. Default: false",
                  "type": "boolean"
                }
              }
            }
          ]
        }
        """;

    private const string OutputSchemaJson = """
        {
          "type": "object",
          "required": ["catalogInfoUrl"],
          "properties": {
            "entityRef": { "type": "string" },
            "catalogInfoUrl": { "type": "string" }
          }
        }
        """;

    public override string Id => "catalog:register";

    public override string Description => "Registers entities from a catalog descriptor file in the workspace into the software catalog.";

    public override bool SupportsDryRun => false;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Register the catalog-info.yaml of the repository just published.", """
            steps:
              - id: register
                action: catalog:register
                input:
                  repoContentsUrl: ${{ steps['publish'].output.repoContentsUrl }}
                  catalogInfoPath: /catalog-info.yaml
            """),
        new("Register a descriptor by its URL, tolerating an existing registration.", """
            steps:
              - id: register
                action: catalog:register
                input:
                  catalogInfoUrl: https://github.com/org/repo/blob/main/catalog-info.yaml
                  optional: true
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        var catalogInfoUrl = CatalogInfoUrlFrom(input);
        var optional = input.Boolean("optional");
        var spec = new LocationSpec("url", catalogInfoUrl);
        context.Logger.Info($"Registering {catalogInfoUrl} in the catalog");

        try
        {
            var preview = await locations.RegisterAsync(spec, optional: false, dryRun: true, context.CancellationToken);
            if (PickEntityRef(preview.EntitiesJson) is { } entityRef)
            {
                context.Output("entityRef", entityRef);
            }

            await locations.RegisterAsync(spec, optional: false, dryRun: false, context.CancellationToken);
        }
        catch (ServiceError e) when (optional)
        {
            context.Logger.Warn($"Did not register {catalogInfoUrl}, which is optional: {e.Message}");
        }
        catch (ServiceError e)
        {
            throw ServiceErrors.WithContext(e, $"{Id}: could not register {catalogInfoUrl}");
        }

        context.Output("catalogInfoUrl", catalogInfoUrl);
    }

    /// <summary>
    /// Backstage's choice among the entities a location yields: the first Component not named
    /// <c>generated-…</c>, else the first entity not so named, else the first one.
    /// </summary>
    public static string? PickEntityRef(IReadOnlyList<string> entitiesJson)
    {
        var entities = entitiesJson.Select(json => JsonNode.Parse(json) as JsonObject).OfType<JsonObject>().ToList();
        static string Name(JsonObject e) => e["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;
        static bool Generated(JsonObject e) => Name(e).StartsWith("generated-", StringComparison.Ordinal);

        var chosen = entities.FirstOrDefault(e => !Generated(e) && e["kind"]?.GetValue<string>() == "Component")
            ?? entities.FirstOrDefault(e => !Generated(e))
            ?? entities.FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var kind = (chosen["kind"]?.GetValue<string>() ?? string.Empty).ToLowerInvariant();
        var ns = chosen["metadata"]?["namespace"]?.GetValue<string>() is { Length: > 0 } given ? given : "default";
        return $"{kind}:{ns}/{Name(chosen)}";
    }

    private string CatalogInfoUrlFrom(StepInput input)
    {
        if (input.String("catalogInfoUrl") is { Length: > 0 } url)
        {
            return Uri.TryCreate(url, UriKind.Absolute, out _)
                ? url
                : throw input.Error("catalogInfoUrl", $"'{url}' must be an absolute URL");
        }

        if (input.String("repoContentsUrl") is { Length: > 0 } contents)
        {
            try
            {
                return CatalogInfoUrl.Resolve(contents, input.String("catalogInfoPath"));
            }
            catch (InputError e)
            {
                throw new InputError($"{Id}: {e.Message}", e);
            }
        }

        throw new InputError($"{Id}: give either catalogInfoUrl, or repoContentsUrl (with an optional catalogInfoPath)");
    }
}
