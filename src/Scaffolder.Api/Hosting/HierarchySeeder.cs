using Microsoft.Extensions.Options;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy;
using Scaffolder.Hierarchy.Seed;
using Scaffolder.Hierarchy.Service;

namespace Scaffolder.Api.Hosting;

/// <summary>
/// Loads the example estate when the service starts with an empty hierarchy, so a new user sees a
/// tree at once. <c>Hierarchy:Seed:Enabled=false</c> turns it off. A seed that cannot be loaded is
/// logged; it never stops the service from starting.
/// </summary>
public sealed class HierarchySeeder(
    IOptions<HierarchyOptions> options, HierarchyReader reader, HierarchyService service, ILogger<HierarchySeeder> logger) : IHostedService
{
    public const string Actor = "system:seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value.Seed;
        if (!seed.Enabled || await reader.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        var path = string.IsNullOrWhiteSpace(seed.Path) ? EstateFile.DefaultPath : Path.GetFullPath(seed.Path);
        try
        {
            var result = await service.ImportAsync(await EstateFile.ReadAsync(path, cancellationToken), Actor, cancellationToken);
            logger.LogInformation(
                "Loaded the example estate from {Path}: {Count} nodes under {Roots}", path, result.Created, string.Join(", ", result.Roots));
        }
        catch (ConflictError e)
        {
            // Another replica seeded the same empty database first.
            logger.LogInformation("Example estate not loaded: {Message}", e.Message);
        }
        catch (Exception e) when (e is ServiceError or IOException or UnauthorizedAccessException)
        {
            logger.LogError("Could not load the example estate from {Path}: {Message}", path, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
