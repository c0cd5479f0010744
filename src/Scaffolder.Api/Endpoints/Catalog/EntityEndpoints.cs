using Scaffolder.Api.Http;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Querying;
using Scaffolder.Catalog.Services;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Endpoints.Catalog;

/// <summary>The <c>/entities</c> family of the catalog API.</summary>
public static class EntityEndpoints
{
    public static RouteGroupBuilder MapEntityEndpoints(this RouteGroupBuilder catalog)
    {
        catalog.MapGet("/entities", ListAsync).WithName("GetEntities").WithSummary("List entities, with filter, fields, order and offset paging");
        catalog.MapGet("/entities/by-query", QueryAsync).WithName("GetEntitiesByQuery").WithSummary("Query entities with cursor paging");
        catalog.MapPost("/entities/by-query", QueryByPredicateAsync).WithName("QueryEntitiesByPredicate").WithSummary("Query entities with a filter predicate");
        catalog.MapPost("/entities/by-refs", GetByRefsAsync).WithName("GetEntitiesByRefs").WithSummary("Fetch entities by ref, in request order");
        catalog.MapGet("/entities/by-uid/{uid}", GetByUidAsync).WithName("GetEntityByUid");
        catalog.MapDelete("/entities/by-uid/{uid}", DeleteByUidAsync).WithName("DeleteEntityByUid");
        catalog.MapGet("/entities/by-name/{kind}/{namespace}/{name}", GetByNameAsync).WithName("GetEntityByName");
        catalog.MapGet("/entities/by-name/{kind}/{namespace}/{name}/ancestry", GetAncestryAsync).WithName("GetEntityAncestryByName");
        return catalog;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, EntitiesService entities, CancellationToken cancellationToken)
    {
        var result = await entities.ListAsync(
            new EntityListRequest
            {
                Filters = QueryValues.All(request, "filter"),
                Fields = QueryValues.All(request, "fields"),
                Order = QueryValues.All(request, "order"),
                Limit = QueryValues.Single(request, "limit"),
                Offset = QueryValues.Single(request, "offset"),
                After = QueryValues.Single(request, "after"),
            },
            cancellationToken);
        if (result.NextAfter is { } after)
        {
            var query = request.Query.Where(p => p.Key is not ("offset" or "after"))
                .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
                .Append($"after={Uri.EscapeDataString(after)}");
            request.HttpContext.Response.Headers.Link = $"</entities?{string.Join('&', query)}>; rel=\"next\"";
        }

        return RawJson.Array(result.Items);
    }

    private static async Task<IResult> QueryAsync(HttpRequest request, EntitiesService entities, CancellationToken cancellationToken)
    {
        var result = await entities.QueryAsync(
            new EntityQueryRequest
            {
                Filters = QueryValues.All(request, "filter"),
                Fields = QueryValues.All(request, "fields"),
                OrderFields = QueryValues.All(request, "orderField"),
                FullTextTerm = QueryValues.Single(request, "fullTextFilterTerm"),
                FullTextFields = QueryValues.All(request, "fullTextFilterFields"),
                Limit = IntegerParameter.Parse(QueryValues.Single(request, "limit"), "limit", 0),
                Offset = IntegerParameter.Parse(QueryValues.Single(request, "offset"), "offset", 0),
                Cursor = QueryValues.Single(request, "cursor"),
                TotalItems = QueryValues.Single(request, "totalItems"),
            },
            cancellationToken);
        return QueryResult(result);
    }

    private static async Task<IResult> QueryByPredicateAsync(HttpRequest request, EntitiesService entities, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        var fullText = body["fullTextFilter"] as System.Text.Json.Nodes.JsonObject;
        // The client model sends orderBy [{field, order}]; the server-side parser reads orderField ["field,order"].
        var orderFields = JsonBody.StringList(body, "orderField").ToList();
        if (body["orderBy"] is System.Text.Json.Nodes.JsonArray orderBy)
        {
            orderFields.AddRange(orderBy.OfType<System.Text.Json.Nodes.JsonObject>()
                .Select(o => $"{JsonBody.RequiredString(o, "field")},{JsonBody.OptionalString(o, "order") ?? "asc"}"));
        }

        var result = await entities.QueryAsync(
            new EntityQueryRequest
            {
                Query = body["query"],
                Fields = JsonBody.StringList(body, "fields"),
                OrderFields = orderFields,
                FullTextTerm = fullText is null ? null : JsonBody.OptionalString(fullText, "term"),
                FullTextFields = fullText is null ? [] : JsonBody.StringList(fullText, "fields"),
                Limit = JsonBody.OptionalInteger(body, "limit"),
                Offset = JsonBody.OptionalInteger(body, "offset"),
                Cursor = JsonBody.OptionalString(body, "cursor"),
                TotalItems = JsonBody.OptionalString(body, "totalItems"),
            },
            cancellationToken);
        return QueryResult(result);
    }

    private static IResult QueryResult(EntityQueryResult result) =>
        RawJson.Object(writer =>
        {
            writer.WritePropertyName("items");
            RawJson.WriteArray(writer, result.Items);
            writer.WriteNumber("totalItems", result.TotalItems);
            writer.WriteStartObject("pageInfo");
            if (result.NextCursor is not null)
            {
                writer.WriteString("nextCursor", result.NextCursor);
            }

            if (result.PrevCursor is not null)
            {
                writer.WriteString("prevCursor", result.PrevCursor);
            }

            writer.WriteEndObject();
        });

    private static async Task<IResult> GetByRefsAsync(HttpRequest request, EntitiesService entities, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        if (body["entityRefs"] is not System.Text.Json.Nodes.JsonArray)
        {
            throw new InputError("Malformed request body: \"entityRefs\" must be an array of entity refs");
        }

        var items = await entities.GetByRefsAsync(
            JsonBody.StringList(body, "entityRefs"),
            QueryValues.All(request, "filter"),
            body["query"],
            [.. JsonBody.StringList(body, "fields"), .. QueryValues.All(request, "fields")],
            cancellationToken);
        return RawJson.Object(writer =>
        {
            writer.WritePropertyName("items");
            RawJson.WriteArray(writer, items);
        });
    }

    private static async Task<IResult> GetByUidAsync(string uid, EntitiesService entities, CancellationToken cancellationToken) =>
        await entities.GetByUidAsync(uid, cancellationToken) is { } json
            ? RawJson.Value(json)
            : throw new NotFoundError($"No entity with uid {uid}");

    private static async Task<IResult> DeleteByUidAsync(string uid, EntitiesService entities, CancellationToken cancellationToken)
    {
        await entities.DeleteByUidAsync(uid, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> GetByNameAsync(string kind, string @namespace, string name, EntitiesService entities, CancellationToken cancellationToken) =>
        await entities.GetByRefAsync(new EntityRef(kind, @namespace, name), cancellationToken) is { } json
            ? RawJson.Value(json)
            : throw new NotFoundError($"No entity named '{name}' found, with kind '{kind}' in namespace '{@namespace}'");

    private static async Task<IResult> GetAncestryAsync(string kind, string @namespace, string name, EntitiesService entities, CancellationToken cancellationToken)
    {
        var (rootRef, items) = await entities.GetAncestryAsync(new EntityRef(kind, @namespace, name), cancellationToken);
        return RawJson.Object(writer =>
        {
            writer.WriteString("rootEntityRef", rootRef);
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("entity");
                writer.WriteRawValue(item.EntityJson, skipInputValidation: true);
                writer.WriteStartArray("parentEntityRefs");
                foreach (var parent in item.ParentEntityRefs)
                {
                    writer.WriteStringValue(parent);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }
}
