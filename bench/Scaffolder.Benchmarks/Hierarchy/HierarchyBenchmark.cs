using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Benchmarks.Harness;
using Scaffolder.Storage;
using Scaffolder.Testing;

namespace Scaffolder.Benchmarks.Hierarchy;

/// <summary>
/// Imports a synthetic estate through the HTTP API of the real service (a separate process, Release
/// build), then measures over HTTP: a leaf's effective values, the whole tree as JSON, filtered lists,
/// and an account tag change — its latency, and that all of the account's descendants see the new
/// value at once, checked by readers running while the change commits.
/// Options: <c>--shape 10,10,10,10,5</c> (accounts, environments, networks, platforms, apps),
/// <c>--providers sqlite,postgres</c>, <c>--iterations 1000</c>.
/// </summary>
public sealed class HierarchyBenchmark : IBenchmarkHarness
{
    public string Name => "hierarchy";

    public string Description => "effective values of a leaf, whole-tree JSON and an account tag change on a 10x10x10x10x5 estate";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var shape = Option(arguments, "--shape", "10,10,10,10,5").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var estate = new SyntheticEstate(shape[0], shape[1], shape[2], shape[3], shape[4]);
        var providers = Option(arguments, "--providers", "sqlite,postgres").Split(',')
            .Select(p => p.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite).ToList();
        var iterations = int.Parse(Option(arguments, "--iterations", "1000"), CultureInfo.InvariantCulture);
        var serviceDll = RepositoryPaths.InRepo("src", "Scaffolder.Api", "bin", "Release", "net10.0", "Scaffolder.Api.dll");
        if (!File.Exists(serviceDll))
        {
            Console.Error.WriteLine($"Build the service in Release first: dotnet build -c Release src/Scaffolder.Api ({serviceDll} is missing)");
            return 1;
        }

        Console.WriteLine(
            $"hierarchy benchmark: {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}; estate {string.Join('x', shape)} = " +
            $"{estate.TotalNodes:N0} nodes ({estate.TotalApps:N0} apps), {estate.NodesPerAccount - 1:N0} descendants per account");
        var failures = 0;
        foreach (var provider in providers)
        {
            failures += await RunOneAsync(provider, estate, iterations, serviceDll, cancellationToken);
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RunOneAsync(
        DatabaseProvider provider, SyntheticEstate estate, int iterations, string serviceDll, CancellationToken cancellationToken)
    {
        Console.WriteLine();
        Console.WriteLine($"== {provider}");
        var options = await TestDatabases.CreateOptionsAsync(provider);
        var settings = new Dictionary<string, string>
        {
            ["Hierarchy:Seed:Enabled"] = "false",
            ["Catalog:RegisterStartupLocations"] = "false",
        };
        await using var service = await ServiceProcess.StartAsync(serviceDll, options, cancellationToken, settings);
        // Importing and re-projecting thousands of nodes in one request outlasts HttpClient's default timeout.
        using var http = new HttpClient { BaseAddress = service.Client.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };

        var import = new Latency($"import one account ({estate.NodesPerAccount:N0} nodes, HTTP)");
        var total = Stopwatch.StartNew();
        var next = 0;
        await import.MeasureAsync(
            () => SendAsync(http, HttpMethod.Post, "/api/hierarchy/import", estate.Account(next++).ToJsonString(), cancellationToken),
            estate.Accounts,
            warmup: 0);

        Console.WriteLine(import);
        Report($"import all {estate.TotalNodes:N0} nodes (with catalog projection)", $"{total.Elapsed.TotalSeconds:F1} s   ({estate.TotalNodes / total.Elapsed.TotalSeconds:N0} nodes/s)");

        var random = new Random(11);
        string RandomLeaf() => SyntheticEstate.AppName(
            random.Next(estate.Accounts), random.Next(estate.Environments), random.Next(estate.Networks), random.Next(estate.Platforms), random.Next(estate.Apps));
        var leaf = new Latency("GET leaf node (effective values + provenance)");
        await leaf.MeasureAsync(() => GetAsync(http, $"/api/hierarchy/nodes/default/{RandomLeaf()}", cancellationToken), iterations, warmup: 50);
        Console.WriteLine(leaf);

        var treeBytes = 0L;
        var tree = new Latency("GET /tree (whole tree, nested JSON)");
        await tree.MeasureAsync(async () => treeBytes = await GetAsync(http, "/api/hierarchy/tree", cancellationToken), 10, warmup: 2);
        Console.WriteLine($"{tree}   {treeBytes / 1048576.0:F1} MB");

        var effectiveBytes = 0L;
        var effectiveTree = new Latency("GET /tree?effective=true (+ effective values)");
        await effectiveTree.MeasureAsync(async () => effectiveBytes = await GetAsync(http, "/api/hierarchy/tree?effective=true", cancellationToken), 10, warmup: 2);
        Console.WriteLine($"{effectiveTree}   {effectiveBytes / 1048576.0:F1} MB");

        var subtree = new Latency("GET account subtree ?effective=true");
        await subtree.MeasureAsync(() => GetAsync(http, $"/api/hierarchy/nodes/default/{SyntheticEstate.AccountName(random.Next(estate.Accounts))}/tree?effective=true", cancellationToken), 20);
        Console.WriteLine(subtree);

        var filtered = new Latency("GET /nodes level=app + effective tag filters (100)");
        await filtered.MeasureAsync(
            () => GetAsync(http, $"/api/hierarchy/nodes?level=app&tag=CostCenter={SyntheticEstate.CostCenter(random.Next(estate.Accounts))}&tag=Platform=vm&limit=100", cancellationToken),
            50);
        Console.WriteLine(filtered);

        var failures = await AccountTagChangeAsync(http, estate, cancellationToken);

        var update = new Latency("PATCH leaf config (revision, audit, projection)");
        await update.MeasureAsync(() => SendAsync(http, HttpMethod.Patch, $"/api/hierarchy/nodes/default/{RandomLeaf()}", $$$"""{"config":{"stamp":{{{random.Next()}}}}}""", cancellationToken), iterations / 10);
        Console.WriteLine(update);

        var plan = new Latency("POST leaf plan (diff against last provisioned)");
        await plan.MeasureAsync(() => SendAsync(http, HttpMethod.Post, $"/api/hierarchy/nodes/default/{RandomLeaf()}/plan", null, cancellationToken), iterations / 10);
        Console.WriteLine(plan);

        var (rss, peak) = service.Memory();
        Report("service RSS after the runs (current / peak)", $"{rss / 1048576.0:F0} MB / {peak / 1048576.0:F0} MB");
        return failures;
    }

    /// <summary>
    /// Changes one account's (locked) CostCenter while readers keep reading its whole subtree. Every
    /// subtree read must show one value throughout (old or new, never a mix), and the first read
    /// after the change returns must show the new value in every descendant, in the hierarchy and in
    /// the catalog.
    /// </summary>
    private static async Task<int> AccountTagChangeAsync(HttpClient http, SyntheticEstate estate, CancellationToken cancellationToken)
    {
        var target = Math.Min(3, estate.Accounts - 1);
        var name = SyntheticEstate.AccountName(target);
        var oldValue = SyntheticEstate.CostCenter(target);
        var newValue = oldValue + "-changed";
        var descendants = estate.NodesPerAccount - 1;

        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var (reads, mixed) = (0, 0);
            while (!stop.IsCancellationRequested)
            {
                var (oldCount, newCount, _) = await CountSubtreeAsync(http, name, oldValue, newValue, cancellationToken);
                reads++;
                if (oldCount > 0 && newCount > 0)
                {
                    mixed++;
                }
            }

            return (reads, mixed);
        }, cancellationToken)).ToList();

        await Task.Delay(200, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await SendAsync(http, HttpMethod.Patch, $"/api/hierarchy/nodes/default/{name}", $$$"""{"tags":{"CostCenter":"{{{newValue}}}"}}""", cancellationToken);
        var changeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var (stale, fresh, apps) = await CountSubtreeAsync(http, name, oldValue, newValue, cancellationToken);
        var catalog = await http.GetFromJsonAsync<JsonObject>(
            $"/api/catalog/entities/by-query?filter=metadata.labels.CostCenter={newValue}&limit=1", cancellationToken);
        var catalogCount = catalog!["totalItems"]!.GetValue<int>();
        await stop.CancelAsync();
        var readerResults = await Task.WhenAll(readers);

        Report($"PATCH account tag ({descendants:N0} descendants re-projected)", $"{changeMs,8:F0} ms");
        Report("descendants with the new value, first read after", $"{fresh:N0} / {descendants:N0} ({apps:N0} apps), old value on {stale}");
        Report("catalog entities labelled with the new value", $"{catalogCount:N0} / {descendants + 1:N0}");
        Report("subtree reads during the change, mixed old/new", $"{readerResults.Sum(r => r.mixed)} of {readerResults.Sum(r => r.reads)}");
        var ok = stale == 0 && fresh == descendants && catalogCount == descendants + 1 && readerResults.All(r => r.mixed == 0);
        if (!ok)
        {
            Console.WriteLine("!! the account tag change was not seen by every descendant at once");
        }

        return ok ? 0 : 1;
    }

    private static async Task<(int Old, int New, int Apps)> CountSubtreeAsync(
        HttpClient http, string account, string oldValue, string newValue, CancellationToken cancellationToken)
    {
        var root = await http.GetFromJsonAsync<JsonObject>($"/api/hierarchy/nodes/default/{account}/tree?effective=true", cancellationToken);
        var (oldCount, newCount, apps) = (0, 0, 0);
        var pending = new Stack<JsonNode>(root!["children"]!.AsArray()!.Select(c => c!));
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var value = node["tags"]!["CostCenter"]!.GetValue<string>();
            oldCount += value == oldValue ? 1 : 0;
            newCount += value == newValue ? 1 : 0;
            apps += value == newValue && node["level"]!.GetValue<string>() == "app" ? 1 : 0;
            foreach (var child in node["children"]!.AsArray())
            {
                pending.Push(child!);
            }
        }

        return (oldCount, newCount, apps);
    }

    private static async Task<long> GetAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        }

        return body.LongLength;
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, string url, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static void Report(string name, string value) => Console.WriteLine($"{name,-52} {value}");

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
