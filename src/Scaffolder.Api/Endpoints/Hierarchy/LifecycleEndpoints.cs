using Scaffolder.Api.Http;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Service;

namespace Scaffolder.Api.Endpoints.Hierarchy;

/// <summary>Lifecycle steps: plan, provision, destroy and delete. Each makes a new revision.</summary>
public static class LifecycleEndpoints
{
    public static RouteGroupBuilder MapLifecycleEndpoints(this RouteGroupBuilder hierarchy)
    {
        hierarchy.MapPost(NodeEndpoints.NodePath + "/plan", PlanAsync)
            .WithName("PlanHierarchyNode")
            .WithSummary("Plan a node: record its effective values and return what changed since it was last provisioned (added, changed, removed keys)")
            .Produces<PlanView>()
            .WithIfMatch()
            .Errors(404, 409);
        hierarchy.MapPost(NodeEndpoints.NodePath + "/provision", ProvisionAsync)
            .WithName("ProvisionHierarchyNode")
            .WithSummary("Provision a planned node; refused if its effective values changed since the plan")
            .Produces<NodeView>()
            .WithIfMatch()
            .Errors(404, 409);
        hierarchy.MapPost(NodeEndpoints.NodePath + "/destroy", DestroyAsync)
            .WithName("DestroyHierarchyNode")
            .WithSummary("Destroy a node; refused while any of its children is not destroyed")
            .Produces<NodeView>()
            .WithIfMatch()
            .Errors(404, 409);
        hierarchy.MapDelete(NodeEndpoints.NodePath, DeleteAsync)
            .WithName("DeleteHierarchyNode")
            .WithSummary("Delete a destroyed node whose children are deleted: it leaves the catalog; its revisions and audit entries stay")
            .Produces<NodeView>()
            .WithIfMatch()
            .Errors(404, 409);
        return hierarchy;
    }

    private static async Task<IResult> PlanAsync(string @namespace, string name, HttpRequest request, HierarchyService service, CancellationToken cancellationToken)
    {
        var plan = await service.PlanAsync(new NodeKey(@namespace, name), NodeETag.Expected(request), cancellationToken);
        NodeETag.Set(request.HttpContext.Response, plan.Node.Revision);
        return Results.Json(plan, JsonDefaults.Options);
    }

    private static Task<IResult> ProvisionAsync(string @namespace, string name, HttpRequest request, HierarchyService service, CancellationToken cancellationToken) =>
        Respond(request, service.ProvisionAsync(new NodeKey(@namespace, name), NodeETag.Expected(request), cancellationToken));

    private static Task<IResult> DestroyAsync(string @namespace, string name, HttpRequest request, HierarchyService service, CancellationToken cancellationToken) =>
        Respond(request, service.DestroyAsync(new NodeKey(@namespace, name), NodeETag.Expected(request), cancellationToken));

    private static Task<IResult> DeleteAsync(string @namespace, string name, HttpRequest request, HierarchyService service, CancellationToken cancellationToken) =>
        Respond(request, service.DeleteAsync(new NodeKey(@namespace, name), NodeETag.Expected(request), cancellationToken));

    private static async Task<IResult> Respond(HttpRequest request, Task<NodeView> change)
    {
        var node = await change;
        NodeETag.Set(request.HttpContext.Response, node.Revision);
        return Results.Json(node, JsonDefaults.Options);
    }
}
