using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Services;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Hosting;

/// <summary>
/// Registers the service's own <c>catalog-info.yaml</c> and every <c>templates/*/template.yaml</c>
/// as <c>file</c> locations at start-up (those already registered are refreshed instead). A file
/// that fails is logged and skipped; it never stops the service from starting.
/// </summary>
public sealed class StartupLocations(ProductPaths paths, LocationService locations, IConfiguration configuration, ILogger<StartupLocations> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Catalog:RegisterStartupLocations", true))
        {
            return;
        }

        var registered = (await locations.ListAsync(cancellationToken)).ToDictionary(l => (l.Type, l.Target), l => l.Id);
        foreach (var file in Files())
        {
            var spec = new LocationSpec("file", file);
            try
            {
                if (registered.TryGetValue((spec.Type, spec.Target), out var id))
                {
                    await locations.RefreshAsync(id, cancellationToken);
                }
                else
                {
                    await locations.RegisterAsync(spec, optional: false, dryRun: false, cancellationToken);
                }
            }
            catch (ServiceError e)
            {
                logger.LogError("Could not register start-up location {Location}: {Message}", spec, e.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<string> Files()
    {
        if (File.Exists(paths.CatalogInfo))
        {
            yield return paths.CatalogInfo;
        }

        if (!Directory.Exists(paths.Templates))
        {
            yield break;
        }

        foreach (var template in Directory.GetDirectories(paths.Templates).Order(StringComparer.Ordinal)
                     .Select(dir => Path.Combine(dir, "template.yaml"))
                     .Where(File.Exists))
        {
            yield return template;
        }
    }
}
