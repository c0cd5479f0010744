using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Api.Http;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Services;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Endpoints.Catalog;

/// <summary>The <c>/locations</c> family of the catalog API.</summary>
public static class LocationEndpoints
{
    private static readonly HashSet<string> CreateFields = ["type", "target", "presence"];

    public static RouteGroupBuilder MapLocationEndpoints(this RouteGroupBuilder catalog)
    {
        catalog.MapGet("/locations", ListAsync).WithName("GetLocations");
        catalog.MapPost("/locations", CreateAsync).WithName("CreateLocation").WithSummary("Register a location (or dry-run it with ?dryRun=true)");
        catalog.MapPost("/locations/by-query", QueryAsync).WithName("GetLocationsByQuery");
        catalog.MapGet("/locations/by-entity/{kind}/{namespace}/{name}", GetByEntityAsync).WithName("GetLocationByEntity");
        catalog.MapGet("/locations/{id}", GetAsync).WithName("GetLocation");
        catalog.MapPut("/locations/{id}", UpdateAsync).WithName("UpdateLocation");
        catalog.MapDelete("/locations/{id}", DeleteAsync).WithName("DeleteLocation");
        return catalog;
    }

    private static async Task<IResult> ListAsync(LocationService locations, CancellationToken cancellationToken) =>
        Results.Json((await locations.ListAsync(cancellationToken)).Select(l => new { data = l }), JsonDefaults.Options);

    private static async Task<IResult> CreateAsync(HttpRequest request, LocationService locations, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        if (body.Select(p => p.Key).FirstOrDefault(k => !CreateFields.Contains(k)) is { } unknown)
        {
            throw new InputError($"Malformed request: unknown field \"{unknown}\"; a location is {{type, target, presence?}}");
        }

        var presence = JsonBody.OptionalString(body, "presence");
        if (presence is not (null or "required" or "optional"))
        {
            throw new InputError("Malformed request: \"presence\" must be \"required\" or \"optional\"");
        }

        var spec = new LocationSpec(JsonBody.RequiredString(body, "type"), JsonBody.RequiredString(body, "target"));
        var dryRun = QueryValues.Flag(request, "dryRun");
        var result = await locations.RegisterAsync(spec, presence == "optional", dryRun, cancellationToken);
        return RawJson.Object(writer =>
        {
            if (result.Exists is { } exists)
            {
                writer.WriteBoolean("exists", exists);
            }

            writer.WritePropertyName("location");
            JsonSerializer.Serialize(writer, result.Location, JsonDefaults.Options);
            writer.WritePropertyName("entities");
            RawJson.WriteArray(writer, result.EntitiesJson);
        }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> QueryAsync(HttpRequest request, LocationService locations, CancellationToken cancellationToken)
    {
        var body = request.ContentLength is 0 or null && string.IsNullOrEmpty(request.ContentType)
            ? new JsonObject()
            : await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        var page = await locations.QueryAsync(
            body["query"],
            JsonBody.OptionalInteger(body, "limit"),
            JsonBody.OptionalString(body, "cursor"),
            cancellationToken);
        return Results.Json(
            new
            {
                items = page.Items,
                totalItems = page.TotalItems,
                pageInfo = page.NextCursor is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["nextCursor"] = page.NextCursor },
            },
            JsonDefaults.Options);
    }

    private static async Task<IResult> GetAsync(string id, LocationService locations, CancellationToken cancellationToken) =>
        Results.Json(await locations.GetAsync(id, cancellationToken), JsonDefaults.Options);

    private static async Task<IResult> GetByEntityAsync(string kind, string @namespace, string name, LocationService locations, CancellationToken cancellationToken) =>
        Results.Json(await locations.GetByEntityAsync(new EntityRef(kind, @namespace, name), cancellationToken), JsonDefaults.Options);

    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, LocationService locations, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        var spec = new LocationSpec(JsonBody.RequiredString(body, "type"), JsonBody.RequiredString(body, "target"));
        return Results.Json(await locations.UpdateAsync(id, spec, cancellationToken), JsonDefaults.Options);
    }

    private static async Task<IResult> DeleteAsync(string id, LocationService locations, CancellationToken cancellationToken)
    {
        await locations.DeleteAsync(id, cancellationToken);
        return Results.NoContent();
    }
}
