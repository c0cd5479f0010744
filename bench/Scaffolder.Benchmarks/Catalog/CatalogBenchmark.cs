using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scaffolder.Benchmarks.Harness;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Processing;
using Scaffolder.Catalog.Model;
using Scaffolder.Storage;
using Scaffolder.Storage.Catalog;
using Scaffolder.Storage.Migrations;
using Scaffolder.Testing;

namespace Scaffolder.Benchmarks.Catalog;

/// <summary>
/// Loads N synthetic entities through the storage layer, then starts the real service (a separate
/// process, Release build) on that database and measures its HTTP answers, cold start and memory.
/// Options: <c>--sizes 10000,100000</c>, <c>--providers sqlite,postgres</c>, <c>--iterations 200</c>.
/// </summary>
public sealed class CatalogBenchmark : IBenchmarkHarness
{
    private const int BatchSize = 1000;

    public string Name => "catalog";

    public string Description => "ingest N entities, then by-query / by-name / facets latency, cold start and RSS of the service";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var sizes = Option(arguments, "--sizes", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var providers = Option(arguments, "--providers", "sqlite,postgres").Split(',')
            .Select(p => p.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite).ToList();
        var iterations = int.Parse(Option(arguments, "--iterations", "200"), CultureInfo.InvariantCulture);
        var serviceDll = RepositoryPaths.InRepo("src", "Scaffolder.Api", "bin", "Release", "net10.0", "Scaffolder.Api.dll");
        if (!File.Exists(serviceDll))
        {
            Console.Error.WriteLine($"Build the service in Release first: dotnet build -c Release src/Scaffolder.Api ({serviceDll} is missing)");
            return 1;
        }

        Console.WriteLine($"catalog benchmark: {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
        foreach (var provider in providers)
        {
            foreach (var size in sizes)
            {
                await RunOneAsync(provider, size, iterations, serviceDll, cancellationToken);
            }
        }

        return 0;
    }

    private static async Task RunOneAsync(DatabaseProvider provider, int size, int iterations, string serviceDll, CancellationToken cancellationToken)
    {
        Console.WriteLine();
        Console.WriteLine($"== {provider}, N = {size:N0}");
        var options = await TestDatabases.CreateOptionsAsync(provider);
        await using (var database = Database.Create(options))
        {
            await MigrationRunner.MigrateAsync(database, cancellationToken);
            var ingest = Stopwatch.StartNew();
            await IngestAsync(database, size, cancellationToken);
            Console.WriteLine($"{"ingest (processing + stitching + indexing)",-44} {ingest.Elapsed.TotalSeconds,8:F1} s   ({size / ingest.Elapsed.TotalSeconds:N0} entities/s)");
        }

        await using var service = await ServiceProcess.StartAsync(serviceDll, options, cancellationToken);
        Console.WriteLine($"{"cold start to ready (process start → /readyz)",-44} {service.StartupTime.TotalMilliseconds,8:F0} ms");
        var http = service.Client;

        var firstPage = new Latency("by-query kind+spec.type, first page (20)");
        await firstPage.MeasureAsync(() => GetAsync(http, "/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=20", cancellationToken), iterations);
        Console.WriteLine(firstPage);

        var deepCursor = await DeepCursorAsync(http, size, cancellationToken);
        var deepPage = new Latency("by-query kind+spec.type, deep page (cursor)");
        await deepPage.MeasureAsync(() => GetAsync(http, $"/api/catalog/entities/by-query?cursor={Uri.EscapeDataString(deepCursor)}&limit=20", cancellationToken), iterations);
        Console.WriteLine(deepPage);

        var offsetPage = new Latency($"by-query kind+spec.type, offset {size / 4:N0}");
        await offsetPage.MeasureAsync(() => GetAsync(http, $"/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=20&offset={size / 4}&totalItems=exclude", cancellationToken), iterations / 4);
        Console.WriteLine(offsetPage);

        var random = new Random(7);
        var byName = new Latency("by-name");
        await byName.MeasureAsync(() => GetAsync(http, $"/api/catalog/entities/by-name/component/default/component-{random.Next(size / 2)}", cancellationToken), iterations);
        Console.WriteLine(byName);

        var facets = new Latency("entity-facets kind + spec.type");
        await facets.MeasureAsync(() => GetAsync(http, "/api/catalog/entity-facets?facet=kind&facet=spec.type", cancellationToken), iterations / 2);
        Console.WriteLine(facets);

        var (rss, peak) = service.Memory();
        Console.WriteLine($"{"service RSS after the runs (current / peak)",-44} {rss / 1048576.0,8:F0} MB / {peak / 1048576.0:F0} MB");
    }

    private static async Task IngestAsync(Database database, int size, CancellationToken cancellationToken)
    {
        var store = new CatalogStore(database);
        var writer = new EntityProviderWriter(EntityProcessor.Default);
        var origin = new LocationSpec("url", "https://github.com/acme/catalog/blob/main/all.yaml");
        foreach (var batch in SyntheticCatalog.Generate(size).Chunk(BatchSize))
        {
            await store.WriteAsync(
                async session =>
                {
                    await writer.ApplyDeltaAsync(session, "benchmark", origin, batch, Array.Empty<EntityRef>());
                    return true;
                },
                cancellationToken);
        }
    }

    private static async Task<string> DeepCursorAsync(HttpClient http, int size, CancellationToken cancellationToken)
    {
        var page = await http.GetFromJsonAsync<JsonObject>("/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=500", cancellationToken);
        var total = page!["totalItems"]!.GetValue<int>();
        for (var seen = 500; seen < total / 2 && page?["pageInfo"]?["nextCursor"] is { } next; seen += 500)
        {
            page = await http.GetFromJsonAsync<JsonObject>($"/api/catalog/entities/by-query?cursor={Uri.EscapeDataString(next.GetValue<string>())}&limit=500", cancellationToken);
        }

        return page!["pageInfo"]!["nextCursor"]!.GetValue<string>();
    }

    private static async Task GetAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static string Option(IReadOnlyList<string> arguments, string name, string fallback)
    {
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] == name)
            {
                return arguments[i + 1];
            }
        }

        return fallback;
    }
}
