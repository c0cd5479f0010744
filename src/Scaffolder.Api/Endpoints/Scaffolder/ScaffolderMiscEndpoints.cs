using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Expressions;

namespace Scaffolder.Api.Endpoints.Scaffolder;

/// <summary>Templating extensions and autocompletion.</summary>
public static class ScaffolderMiscEndpoints
{
    public static RouteGroupBuilder MapScaffolderMiscEndpoints(this RouteGroupBuilder scaffolder)
    {
        scaffolder.MapGet("/v2/templating-extensions", GetTemplatingExtensions).WithName("ListTemplatingExtensions");
        scaffolder.MapPost("/v2/autocomplete/{provider}/{resource}", AutocompleteAsync).WithName("Autocomplete");
        return scaffolder;
    }

    private static IResult GetTemplatingExtensions(ITemplateExpressionRenderer renderer)
    {
        var extensions = renderer.Extensions;
        return ScaffolderJson.Json(new JsonObject
        {
            ["filters"] = Describe(extensions.Filters),
            ["globals"] = new JsonObject
            {
                ["functions"] = Describe(extensions.GlobalFunctions),
                ["values"] = new JsonObject(extensions.GlobalValues.Select(v =>
                    KeyValuePair.Create(v.Key, (JsonNode?)new JsonObject { ["value"] = v.Value?.DeepClone() }))),
            },
        });
    }

    // No autocomplete providers are installed, so every provider is unsupported once a token is given.
    private static async Task<IResult> AutocompleteAsync(HttpRequest request, string provider, string resource, CancellationToken cancellationToken)
    {
        JsonObject? body = null;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
        }

        if (body?["token"] is not JsonValue token || token.GetValueKind() != JsonValueKind.String || token.GetValue<string>().Length == 0)
        {
            throw new InputError("Missing token query parameter");
        }

        throw new InputError($"Unsupported provider: {provider}");
    }

    private static JsonObject Describe(IReadOnlyDictionary<string, TemplatingExtension> extensions) =>
        new(extensions.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, (JsonNode?)Describe(e.Value))));

    private static JsonObject Describe(TemplatingExtension extension)
    {
        var json = new JsonObject { ["description"] = extension.Description };
        if (extension.Schema is not null)
        {
            json["schema"] = extension.Schema.DeepClone();
        }

        if (extension.Examples is { Count: > 0 } examples)
        {
            json["examples"] = new JsonArray(examples.Select(e =>
            {
                var example = new JsonObject { ["description"] = e.Description, ["example"] = e.Example };
                if (e.Notes is not null)
                {
                    example["notes"] = e.Notes;
                }

                return (JsonNode?)example;
            }).ToArray());
        }

        return json;
    }
}
