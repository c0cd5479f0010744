using System.Text.Json.Nodes;
using Scaffolder.Api.Http;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Services;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Endpoints.Catalog;

/// <summary>Facets, refresh, entity validation and location analysis.</summary>
public static class CatalogMiscEndpoints
{
    public static RouteGroupBuilder MapCatalogMiscEndpoints(this RouteGroupBuilder catalog)
    {
        catalog.MapGet("/entity-facets", GetFacetsAsync).WithName("GetEntityFacets");
        catalog.MapPost("/entity-facets", QueryFacetsAsync).WithName("QueryEntityFacetsByPredicate");
        catalog.MapPost("/refresh", RefreshAsync).WithName("RefreshEntity");
        catalog.MapPost("/validate-entity", ValidateAsync).WithName("ValidateEntity");
        catalog.MapPost("/analyze-location", AnalyzeAsync).WithName("AnalyzeLocation");
        return catalog;
    }

    private static async Task<IResult> GetFacetsAsync(HttpRequest request, EntitiesService entities, CancellationToken cancellationToken) =>
        FacetsResult(await entities.GetFacetsAsync(QueryValues.All(request, "facet"), QueryValues.All(request, "filter"), null, cancellationToken));

    private static async Task<IResult> QueryFacetsAsync(HttpRequest request, EntitiesService entities, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        return FacetsResult(await entities.GetFacetsAsync(JsonBody.StringList(body, "facets"), [], body["query"], cancellationToken));
    }

    private static IResult FacetsResult(IReadOnlyDictionary<string, IReadOnlyList<(string Value, long Count)>> facets) =>
        Results.Json(
            new { facets = facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new { value = v.Value, count = v.Count })) },
            JsonDefaults.Options);

    private static async Task<IResult> RefreshAsync(HttpRequest request, LocationService locations, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        var entityRef = EntityRef.Parse(JsonBody.RequiredString(body, "entityRef"));
        await locations.RefreshEntityAsync(entityRef, cancellationToken);
        return Results.Ok();
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, EntityValidationService validation, CancellationToken cancellationToken)
    {
        JsonObject body;
        try
        {
            body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        }
        catch (InputError e)
        {
            return ValidationErrors([("InputError", e.Message)]);
        }

        var problems = validation.Validate(body["entity"], body["location"] is JsonValue location ? location.ToString() : null);
        return problems.Count == 0 ? Results.Ok() : ValidationErrors(problems.Select(p => (p.Name, p.Message)));
    }

    // validate-entity answers problems as {errors: [SerializedError]}, not the usual envelope.
    private static IResult ValidationErrors(IEnumerable<(string Name, string Message)> errors) =>
        Results.Json(new { errors = errors.Select(e => new { name = e.Name, message = e.Message }) }, JsonDefaults.Options, statusCode: StatusCodes.Status400BadRequest);

    private static async Task<IResult> AnalyzeAsync(HttpRequest request, LocationAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        if (body["location"] is not JsonObject location)
        {
            throw new InputError("Malformed request body: \"location\" must be an object {type, target}");
        }

        var spec = new LocationSpec(JsonBody.OptionalString(location, "type") ?? "url", JsonBody.RequiredString(location, "target"));
        // The router reads catalogFilename; the published spec names it catalogFileName. Accept both.
        var fileName = JsonBody.OptionalString(body, "catalogFilename") ?? JsonBody.OptionalString(body, "catalogFileName");
        return Results.Json(await analyzer.AnalyzeAsync(spec, fileName, cancellationToken), JsonDefaults.Options);
    }
}
