using System.Security.Claims;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Services;
using Scaffolder.Scaffolding.Tasks;

namespace Scaffolder.Api.Endpoints.Scaffolder;

/// <summary>
/// Who calls: a signed-in user whose subject is a <c>user:</c> entity ref becomes the task's
/// <c>createdBy</c> and <c>spec.user</c> (with the User entity when the catalog has it); service
/// principals and anonymous callers have none, as in Backstage.
/// </summary>
internal static class CallerIdentity
{
    public static async Task<TaskCaller> ResolveAsync(HttpContext context, EntitiesService entities, CancellationToken cancellationToken)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return TaskCaller.Anonymous;
        }

        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!EntityRef.TryParse(subject, out var reference, out _) || !string.Equals(reference.Kind, "user", StringComparison.OrdinalIgnoreCase))
        {
            return TaskCaller.Anonymous;
        }

        var json = await entities.GetByRefAsync(reference, cancellationToken);
        return new TaskCaller(reference.ToString(), json is null ? null : JsonNode.Parse(json) as JsonObject);
    }
}
