using System.Security.Claims;
using Scaffolder.Hierarchy.Auditing;

namespace Scaffolder.Api.Hosting;

/// <summary>
/// The caller of the current request, as authentication established it (the principal's name,
/// else its subject); <c>anonymous</c> while requests are not authenticated.
/// </summary>
public sealed class HttpCurrentIdentity(IHttpContextAccessor accessor) : ICurrentIdentity
{
    public string Name =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
            ? user.Identity!.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? "unnamed"
            : ICurrentIdentity.Anonymous;
}
