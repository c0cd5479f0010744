using Microsoft.AspNetCore.Mvc;
using Scaffolder.Api.Http;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Service;

namespace Scaffolder.Api.Endpoints.Hierarchy;

/// <summary>Revisions of a node, diffs between them, and the audit log (per node and for the whole hierarchy).</summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistoryEndpoints(this RouteGroupBuilder hierarchy)
    {
        hierarchy.MapGet(NodeEndpoints.NodePath + "/revisions", RevisionsAsync)
            .WithName("ListHierarchyNodeRevisions")
            .WithSummary("Every revision of a node, oldest first: the operation, who made it, and the node's definition and state after it")
            .Produces<RevisionListView>()
            .Errors(404);
        hierarchy.MapGet(NodeEndpoints.NodePath + "/revisions/{revision}", RevisionAsync)
            .WithName("GetHierarchyNodeRevision")
            .WithSummary("One revision of a node")
            .Produces<RevisionView>()
            .Errors(400, 404);
        hierarchy.MapGet(NodeEndpoints.NodePath + "/diff", DiffAsync)
            .WithName("DiffHierarchyNodeRevisions")
            .WithSummary("What changed in a node between revision 'from' and revision 'to' (default: the current one)")
            .Produces<RevisionDiffView>()
            .Errors(400, 404);
        hierarchy.MapGet(NodeEndpoints.NodePath + "/audit", NodeAuditAsync)
            .WithName("GetHierarchyNodeAudit")
            .WithSummary("A node's audit log, newest first")
            .Produces<AuditPageView>()
            .Errors(400, 404);
        hierarchy.MapGet("/audit", AuditAsync)
            .WithName("GetHierarchyAudit")
            .WithSummary("The audit log of the whole hierarchy, newest first, filtered by namespace, action and actor")
            .Produces<AuditPageView>()
            .Errors(400);
        return hierarchy;
    }

    private static async Task<IResult> RevisionsAsync(string @namespace, string name, HierarchyReader reader, CancellationToken cancellationToken) =>
        Results.Json(await reader.RevisionsAsync(new NodeKey(@namespace, name), cancellationToken), JsonDefaults.Options);

    private static async Task<IResult> RevisionAsync(
        string @namespace, string name, string revision, HierarchyReader reader, CancellationToken cancellationToken) =>
        Results.Json(
            await reader.RevisionAsync(new NodeKey(@namespace, name), HierarchyQuery.Revision(revision, "revision"), cancellationToken),
            JsonDefaults.Options);

    private static async Task<IResult> DiffAsync(
        string @namespace, string name, HierarchyReader reader, [FromQuery] string? from, [FromQuery] string? to, CancellationToken cancellationToken) =>
        Results.Json(
            await reader.DiffAsync(
                new NodeKey(@namespace, name),
                HierarchyQuery.Revision(from, "from"),
                to is null ? null : HierarchyQuery.Revision(to, "to"),
                cancellationToken),
            JsonDefaults.Options);

    private static async Task<IResult> NodeAuditAsync(
        string @namespace,
        string name,
        HierarchyReader reader,
        [FromQuery] string? action,
        [FromQuery] string? actor,
        [FromQuery] string? limit,
        [FromQuery] string? cursor,
        CancellationToken cancellationToken) =>
        Results.Json(
            await reader.AuditAsync(
                new NodeKey(@namespace, name), null, action, actor, HierarchyQuery.Integer(limit, "limit"), cursor, cancellationToken),
            JsonDefaults.Options);

    private static async Task<IResult> AuditAsync(
        HierarchyReader reader,
        [FromQuery] string? @namespace,
        [FromQuery] string? action,
        [FromQuery] string? actor,
        [FromQuery] string? limit,
        [FromQuery] string? cursor,
        CancellationToken cancellationToken) =>
        Results.Json(
            await reader.AuditAsync(null, @namespace, action, actor, HierarchyQuery.Integer(limit, "limit"), cursor, cancellationToken),
            JsonDefaults.Options);
}
