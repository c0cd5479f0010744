using Microsoft.Extensions.Options;
using Scaffolder.Catalog;
using Scaffolder.Catalog.Services;

namespace Scaffolder.Api.Hosting;

/// <summary>Re-reads every registered location once per <see cref="CatalogOptions.ProcessingInterval"/>.</summary>
public sealed class LocationRefreshLoop(LocationService locations, IOptions<CatalogOptions> options, TimeProvider time, ILogger<LocationRefreshLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ProcessingInterval;
        var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, interval.Ticks / 4));
        using var timer = new PeriodicTimer(tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await locations.RefreshDueAsync(time.GetUtcNow().UtcDateTime - interval, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Refreshing locations failed; retrying on the next tick");
            }
        }
    }
}
