using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scaffolder.Api.Hosting;
using Scaffolder.Benchmarks.Harness;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Storage;
using Scaffolder.Testing;

namespace Scaffolder.Benchmarks.Scaffolder;

/// <summary>
/// The scaffolder's targets: <c>POST /v2/tasks</c> to completed (p50), <c>POST /v2/dry-run</c> (p50),
/// <c>POST /v2/dry-run</c> of a 100-file Backstage (Nunjucks) skeleton through <c>fetch:template</c> (p50), and a burst of tasks submitted at once that must all complete, each exactly once. Runs the whole
/// service in-process on a loopback port, on SQLite or PostgreSQL. By default it uses its own
/// representative template (skeleton rendering plus a git publish); <c>--template</c> and
/// <c>--values</c> run any template of the product's <c>templates/</c> folder instead.
/// </summary>
public sealed class ScaffolderBenchmark : IBenchmarkHarness
{
    public string Name => "scaffolder";

    public string Description =>
        "POST /v2/tasks → completed p50, POST /v2/dry-run p50, 50 tasks at once " +
        "(--provider sqlite|postgres, --iterations, --burst, --workers, --template <ref> --values <json with {i}>, --set key=value with {root})";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var options = BenchOptions.Parse(arguments);
        var root = Path.Combine(Path.GetTempPath(), $"scaffolder-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            return await RunInAsync(root, options, cancellationToken);
        }
        finally
        {
            TryDelete(root);
        }
    }

    private static async Task<int> RunInAsync(string root, BenchOptions options, CancellationToken cancellationToken)
    {
        var templatesRoot = PrepareProductRoot(root, options);
        var database = await TestDatabases.CreateOptionsAsync(options.Provider);
        var runs = new BenchRuns();
        var repositories = Path.Combine(root, "repos");
        Directory.CreateDirectory(repositories);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = options.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Scaffolder:RootDirectory"] = root,
            ["Scaffolder:WorkspaceRoot"] = Path.Combine(root, "workspaces"),
            ["Scaffolder:Workers"] = options.Workers.ToString(CultureInfo.InvariantCulture),
            ["Catalog:Locations:FileRoots:0"] = root,
            ["Catalog:Locations:FileRoots:1"] = templatesRoot,
            ["Catalog:ProcessingInterval"] = "01:00:00",
        });
        builder.Configuration.AddInMemoryCollection(options.Settings.Select(setting =>
            KeyValuePair.Create(setting.Key, (string?)setting.Value.Replace("{root}", root, StringComparison.Ordinal))));
        builder.Logging.ClearProviders().AddFilter(_ => false);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddScaffolder();
        builder.Services.AddSingleton(runs);
        builder.Services.AddSingleton<IScaffolderAction>(new BenchRenderAction(runs));
        builder.Services.AddSingleton<IScaffolderAction>(new BenchPublishAction(runs, repositories));
        await using var app = builder.Build();
        app.MapScaffolder();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };

        var templateRef = options.TemplateRef ?? $"template:default/{BenchTemplate.Name}";
        await WaitForTemplateAsync(client, templateRef, cancellationToken);
        Console.WriteLine($"scaffolder benchmark on {options.Provider}, {options.Workers} workers, template {templateRef}");

        var counter = 0;
        var taskLatency = new Latency("POST /v2/tasks → completed");
        await taskLatency.MeasureAsync(
            async () =>
            {
                var id = await CreateAsync(client, templateRef, Values(options, Interlocked.Increment(ref counter)), cancellationToken);
                await WaitForCompletionAsync(client, id, cancellationToken);
            },
            options.Iterations,
            warmup: 3);

        var dryRunBody = DryRunBody(root, templateRef, options);
        var dryRunLatency = new Latency("POST /v2/dry-run");
        await dryRunLatency.MeasureAsync(
            async () =>
            {
                using var response = await client.PostAsync("/api/scaffolder/v2/dry-run", new StringContent(dryRunBody, Encoding.UTF8, "application/json"), cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode || JsonNode.Parse(text)?["error"] is not null)
                {
                    throw new InvalidOperationException($"Dry run failed: {(int)response.StatusCode} {text}");
                }
            },
            options.Iterations,
            warmup: 3);

        var backstageDryRun = new Latency($"POST /v2/dry-run (Backstage skeleton, {BackstageBenchTemplate.FileCount} files)");
        var backstageCpu = TimeSpan.Zero;
        if (options.TemplateRef is null)
        {
            // Processor time of the whole process per dry run: a figure that a busy machine inflates far less than latency.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var backstageBody = DryRunBody(root, $"template:default/{BackstageBenchTemplate.Name}", options with { Values = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(BackstageBenchTemplate.Values(0)))!.AsObject() });
            await backstageDryRun.MeasureAsync(
                async () =>
                {
                    using var response = await client.PostAsync("/api/scaffolder/v2/dry-run", new StringContent(backstageBody, Encoding.UTF8, "application/json"), cancellationToken);
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    var files = response.IsSuccessStatusCode ? JsonNode.Parse(text) is { } result && result["error"] is null ? result["directoryContents"]!.AsArray().Count : -1 : -1;
                    if (files != BackstageBenchTemplate.FileCount)
                    {
                        throw new InvalidOperationException($"Backstage dry run failed or wrote {files} files: {(int)response.StatusCode} {text}");
                    }
                },
                options.Iterations,
                warmup: 3);
            backstageCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / (options.Iterations + 3);
        }

        var burst = await BurstAsync(app.Services, client, templateRef, options, runs, cancellationToken);
        await app.StopAsync(cancellationToken);

        Console.WriteLine(taskLatency);
        Console.WriteLine(dryRunLatency);
        if (options.TemplateRef is null)
        {
            Console.WriteLine(backstageDryRun);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  processor time per Backstage dry run: {backstageCpu.TotalMilliseconds:F1} ms (all threads, load average {LoadAverage()})"));
        }

        Console.WriteLine(burst.Summary);
        var ok = burst.Ok && taskLatency.Percentile(50) < 1000 && dryRunLatency.Percentile(50) < 300
            && (options.TemplateRef is not null || backstageDryRun.Percentile(50) < 200);
        Console.WriteLine(ok
            ? "targets met: tasks p50 < 1 s, dry-run p50 < 300 ms, Backstage 100-file dry-run p50 < 200 ms, burst all completed exactly once"
            : "TARGETS MISSED");
        return ok ? 0 : 1;
    }

    private static async Task<(bool Ok, string Summary)> BurstAsync(
        IServiceProvider services, HttpClient client, string templateRef, BenchOptions options, BenchRuns runs, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, options.Burst).Select(i =>
            CreateAsync(client, templateRef, Values(options, 100_000 + i), cancellationToken)));
        var statuses = await Task.WhenAll(ids.Select(id => WaitForCompletionAsync(client, id, cancellationToken)));
        clock.Stop();

        var database = services.GetRequiredService<Database>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var claims = (await connection.QueryAsync<(string Id, long Claims)>(
            $"SELECT id, claim_count FROM tasks WHERE {database.Dialect.InList("id", "ids")}", new { ids })).ToDictionary(r => r.Id, r => r.Claims);
        var completed = statuses.Count(s => s == "completed");
        var lost = ids.Count(id => !claims.ContainsKey(id));
        var runTwice = ids.Count(id => claims.GetValueOrDefault(id) > 1 || (options.TemplateRef is null && runs.Count(id, "bench:render") != 1));
        var ok = completed == ids.Length && lost == 0 && runTwice == 0;
        return (ok, string.Create(
            CultureInfo.InvariantCulture,
            $"{options.Burst} tasks at once: {completed} completed, {lost} lost, {runTwice} run more than once, all done in {clock.Elapsed.TotalMilliseconds:F0} ms"));
    }

    private static async Task<string> CreateAsync(HttpClient client, string templateRef, JsonObject values, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/scaffolder/v2/tasks", new { templateRef, values }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (int)response.StatusCode == 201
            ? JsonNode.Parse(text)!["id"]!.GetValue<string>()
            : throw new InvalidOperationException($"POST /v2/tasks answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Follows the task's events by long polling, as the frontend can, until the completion event.</summary>
    private static async Task<string> WaitForCompletionAsync(HttpClient client, string id, CancellationToken cancellationToken)
    {
        long? after = null;
        while (true)
        {
            var events = JsonNode.Parse(await client.GetStringAsync($"/api/scaffolder/v2/tasks/{id}/events" + (after is null ? string.Empty : $"?after={after}"), cancellationToken))!.AsArray();
            if (events.FirstOrDefault(e => e!["type"]!.GetValue<string>() == "completion") is { } completion)
            {
                var message = completion["body"]!["message"]!.GetValue<string>();
                if (completion["body"]!["error"] is { } error)
                {
                    Console.Error.WriteLine($"task {id} failed: {error.ToJsonString()}");
                }

                return message.EndsWith("completed", StringComparison.Ordinal) ? "completed" : "failed";
            }

            if (events.Count > 0)
            {
                after = events[^1]!["id"]!.GetValue<long>();
            }
        }
    }

    private static async Task WaitForTemplateAsync(HttpClient client, string templateRef, CancellationToken cancellationToken)
    {
        var parts = templateRef.Split(':', '/');
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync($"/api/scaffolder/v2/templates/{parts[1]}/{parts[0]}/{parts[2]}/parameter-schema", cancellationToken)).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Template {templateRef} did not appear in the catalog.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static string PrepareProductRoot(string root, BenchOptions options)
    {
        var templates = Path.Combine(root, "templates");
        if (options.TemplateRef is not null)
        {
            // Run a product template: a copy of the repository's own templates folder.
            CopyDirectory(Path.Combine(RepositoryPaths.Root, "templates"), templates);
            return templates;
        }

        var folder = Path.Combine(templates, BenchTemplate.Name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "template.yaml"), BenchTemplate.Yaml);
        foreach (var (path, content) in BenchTemplate.Skeleton)
        {
            var file = Path.Combine(folder, "skeleton", path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        var backstage = Path.Combine(templates, BackstageBenchTemplate.Name);
        Directory.CreateDirectory(backstage);
        File.WriteAllText(Path.Combine(backstage, "template.yaml"), BackstageBenchTemplate.Yaml);
        foreach (var (path, content) in BackstageBenchTemplate.Skeleton)
        {
            var file = Path.Combine(backstage, "skeleton", path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        return templates;
    }

    /// <summary>The dry-run body the frontend's template editor sends: the template entity and its files.</summary>
    private static string DryRunBody(string root, string templateRef, BenchOptions options)
    {
        var folder = Path.Combine(root, "templates", templateRef.Split('/')[^1]);
        var template = YamlDocuments.Parse(File.ReadAllText(Path.Combine(folder, "template.yaml"))).Single().Value!;
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (JsonNode?)new JsonObject
            {
                ["path"] = Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'),
                ["base64Content"] = Convert.ToBase64String(File.ReadAllBytes(f)),
            }).ToArray();
        return new JsonObject
        {
            ["template"] = template.DeepClone(),
            ["values"] = Values(options, 0),
            ["directoryContents"] = new JsonArray(files),
        }.ToJsonString();
    }

    /// <summary>The form values of run <paramref name="i"/>: <c>{i}</c> in any string of <c>--values</c> becomes the run number.</summary>
    private static JsonObject Values(BenchOptions options, int i)
    {
        if (options.Values is null)
        {
            return JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(BenchTemplate.Values(i)))!.AsObject();
        }

        var text = options.Values.ToJsonString().Replace("{i}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                entry.Attributes &= ~FileAttributes.ReadOnly;
            }

            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed record BenchOptions(
        DatabaseProvider Provider, int Iterations, int Burst, int Workers, string? TemplateRef, JsonObject? Values, IReadOnlyDictionary<string, string> Settings)
    {
        public static BenchOptions Parse(IReadOnlyList<string> arguments)
        {
            var options = new BenchOptions(DatabaseProvider.Sqlite, 30, 50, 4, null, null, new Dictionary<string, string>());
            for (var i = 0; i + 1 < arguments.Count; i += 2)
            {
                var value = arguments[i + 1];
                options = arguments[i] switch
                {
                    "--provider" => options with { Provider = Enum.Parse<DatabaseProvider>(value, ignoreCase: true) },
                    "--iterations" => options with { Iterations = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--burst" => options with { Burst = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--workers" => options with { Workers = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--template" => options with { TemplateRef = value },
                    "--values" => options with { Values = JsonNode.Parse(value)!.AsObject() },
                    "--set" when value.Split('=', 2) is [var key, var setting] => options with
                    {
                        Settings = new Dictionary<string, string>(options.Settings) { [key] = setting },
                    },
                    _ => throw new ArgumentException($"Unknown option {arguments[i]}"),
                };
            }

            return options;
        }
    }
}
