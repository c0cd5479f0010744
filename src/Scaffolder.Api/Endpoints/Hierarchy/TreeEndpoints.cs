using Microsoft.AspNetCore.Mvc;
using Scaffolder.Api.Http;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Service;

namespace Scaffolder.Api.Endpoints.Hierarchy;

/// <summary>The whole tree, or a subtree, as nested JSON.</summary>
public static class TreeEndpoints
{
    public static RouteGroupBuilder MapTreeEndpoints(this RouteGroupBuilder hierarchy)
    {
        hierarchy.MapGet("/tree", TreeAsync)
            .WithName("GetHierarchyTree")
            .WithSummary("Every account with everything below it, nested; effective=true adds each node's effective tags and config")
            .Produces<TreeView>()
            .Errors(400);
        hierarchy.MapGet(NodeEndpoints.NodePath + "/tree", SubtreeAsync)
            .WithName("GetHierarchySubtree")
            .WithSummary("A node with everything below it, nested; effective=true adds each node's effective tags and config")
            .Produces<TreeNodeView>()
            .Errors(404);
        return hierarchy;
    }

    private static async Task<IResult> TreeAsync(
        HierarchyReader reader,
        [FromQuery] string? @namespace,
        [FromQuery] string? effective,
        [FromQuery] string? includeDeleted,
        CancellationToken cancellationToken) =>
        Results.Json(
            await reader.TreeAsync(@namespace, HierarchyQuery.Flag(effective), HierarchyQuery.Flag(includeDeleted), cancellationToken),
            JsonDefaults.Options);

    private static async Task<IResult> SubtreeAsync(
        string @namespace,
        string name,
        HierarchyReader reader,
        [FromQuery] string? effective,
        [FromQuery] string? includeDeleted,
        CancellationToken cancellationToken) =>
        Results.Json(
            await reader.SubtreeAsync(new NodeKey(@namespace, name), HierarchyQuery.Flag(effective), HierarchyQuery.Flag(includeDeleted), cancellationToken),
            JsonDefaults.Options);
}
