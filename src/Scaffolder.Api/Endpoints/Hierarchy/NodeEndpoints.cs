using Microsoft.AspNetCore.Mvc;
using Scaffolder.Api.Http;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Service;

namespace Scaffolder.Api.Endpoints.Hierarchy;

/// <summary>Nodes: create, read (with effective values and provenance), list and filter, update, move, children.</summary>
public static class NodeEndpoints
{
    public const string NodePath = "/nodes/{namespace}/{name}";

    public static RouteGroupBuilder MapNodeEndpoints(this RouteGroupBuilder hierarchy)
    {
        hierarchy.MapGet("/nodes", ListAsync)
            .WithName("ListHierarchyNodes")
            .WithSummary("List nodes, filtered by namespace, level, state, effective owner and effective tags (tag=key=value or tag=key, repeatable)")
            .Produces<NodeListView>()
            .Errors(400);
        hierarchy.MapPost("/nodes", CreateAsync)
            .WithName("CreateHierarchyNode")
            .WithSummary("Create a node (and any nested children) in state created at revision 1")
            .Accepts<NodeBody>("application/json")
            .Produces<NodeView>(StatusCodes.Status201Created)
            .Errors(400, 409);
        hierarchy.MapGet(NodePath, GetAsync)
            .WithName("GetHierarchyNode")
            .WithSummary("Read a node with its effective owner, tags and config and where each comes from; the ETag is its revision")
            .Produces<NodeView>()
            .Errors(404);
        hierarchy.MapPatch(NodePath, UpdateAsync)
            .WithName("UpdateHierarchyNode")
            .WithSummary("Update a node's definition (merge patch); a planned or provisioned node becomes updated and must be planned again")
            .Accepts<NodePatchBody>("application/json", "application/merge-patch+json")
            .Produces<NodeView>()
            .WithIfMatch()
            .Errors(400, 404, 409);
        hierarchy.MapPost(NodePath + "/move", MoveAsync)
            .WithName("MoveHierarchyNode")
            .WithSummary("Move a node, with everything below it, under another parent of the level above")
            .Accepts<MoveBody>("application/json")
            .Produces<NodeView>()
            .WithIfMatch()
            .Errors(400, 404, 409);
        hierarchy.MapGet(NodePath + "/children", ChildrenAsync)
            .WithName("ListHierarchyNodeChildren")
            .WithSummary("List a node's children, with the filters of GET /nodes")
            .Produces<NodeListView>()
            .Errors(400, 404);
        return hierarchy;
    }

    private static async Task<IResult> ListAsync(
        HierarchyReader reader,
        [FromQuery] string? @namespace,
        [FromQuery] string? level,
        [FromQuery] string? state,
        [FromQuery] string? owner,
        [FromQuery] string[]? tag,
        [FromQuery] string? includeDeleted,
        [FromQuery] string? limit,
        [FromQuery] string? offset,
        CancellationToken cancellationToken) =>
        Results.Json(
            await reader.ListAsync(HierarchyQuery.ListRequest(@namespace, level, state, owner, tag, includeDeleted, limit, offset), cancellationToken),
            JsonDefaults.Options);

    private static async Task<IResult> CreateAsync(HttpRequest request, HierarchyService service, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        var node = await service.CreateAsync(NodeDocuments.ParseDraft(body), cancellationToken);
        NodeETag.Set(request.HttpContext.Response, node.Revision);
        return Results.Json(node, JsonDefaults.Options, statusCode: StatusCodes.Status201Created)
            .WithLocation($"/api/hierarchy/nodes/{Uri.EscapeDataString(node.Namespace)}/{Uri.EscapeDataString(node.Name)}");
    }

    private static async Task<IResult> GetAsync(string @namespace, string name, HttpResponse response, HierarchyReader reader, CancellationToken cancellationToken)
    {
        var node = await reader.GetAsync(new NodeKey(@namespace, name), cancellationToken);
        NodeETag.Set(response, node.Revision);
        return Results.Json(node, JsonDefaults.Options);
    }

    private static async Task<IResult> UpdateAsync(string @namespace, string name, HttpRequest request, HierarchyService service, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        var node = await service.UpdateAsync(new NodeKey(@namespace, name), NodeDocuments.ParsePatch(body), NodeETag.Expected(request), cancellationToken);
        NodeETag.Set(request.HttpContext.Response, node.Revision);
        return Results.Json(node, JsonDefaults.Options);
    }

    private static async Task<IResult> MoveAsync(string @namespace, string name, HttpRequest request, HierarchyService service, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, RequestBody.CatalogLimit, cancellationToken);
        if (body.Select(p => p.Key).FirstOrDefault(k => k != "parent") is { } unknown)
        {
            throw new Common.Errors.InputError($"Unknown field \"{unknown}\"; a move is {{\"parent\": \"<name of the new parent>\"}}");
        }

        var node = await service.MoveAsync(
            new NodeKey(@namespace, name), JsonBody.RequiredString(body, "parent"), NodeETag.Expected(request), cancellationToken);
        NodeETag.Set(request.HttpContext.Response, node.Revision);
        return Results.Json(node, JsonDefaults.Options);
    }

    private static async Task<IResult> ChildrenAsync(
        string @namespace,
        string name,
        HierarchyReader reader,
        [FromQuery] string? level,
        [FromQuery] string? state,
        [FromQuery] string? owner,
        [FromQuery] string[]? tag,
        [FromQuery] string? includeDeleted,
        [FromQuery] string? limit,
        [FromQuery] string? offset,
        CancellationToken cancellationToken) =>
        Results.Json(
            await reader.ChildrenAsync(
                new NodeKey(@namespace, name), HierarchyQuery.ListRequest(null, level, state, owner, tag, includeDeleted, limit, offset), cancellationToken),
            JsonDefaults.Options);

    private static IResult WithLocation(this IResult result, string location) => new LocatedResult(result, location);

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
