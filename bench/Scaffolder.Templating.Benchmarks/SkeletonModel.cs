namespace Scaffolder.Templating.Benchmarks;

/// <summary>A realistic model for the service-overview skeleton: plain dictionaries and lists, as a host would pass.</summary>
public static class SkeletonModel
{
    public static Dictionary<string, object?> Create()
    {
        var methods = new[] { "get", "post", "put", "delete", "get", "get", "patch", "get", "post", "get", "delete", "get" };
        var endpoints = new List<object?>();
        for (var i = 0; i < methods.Length; i++)
        {
            endpoints.Add(Map(
                ("method", methods[i]),
                ("path", $"/api/v1/orders/{(i % 3 == 0 ? "{id}" : "items")}/{i}"),
                ("auth", i % 4 != 0),
                ("description", $"Handles order operation {i} | with details"),
                ("deprecated", i == 5 || i == 9),
                ("replacement", $"/api/v2/orders/{i}")));
        }

        var environment = new List<object?>();
        for (var i = 0; i < 15; i++)
        {
            environment.Add(Map(
                ("name", $"Setting_{i}"),
                ("required", i % 2 == 0),
                ("secret", i % 5 == 0),
                ("default", i % 3 == 0 ? null : $"value-{i}"),
                ("description", $"Controls behaviour number {i} of the service")));
        }

        var dependencies = new List<object?>();
        for (var i = 0; i < 10; i++)
        {
            dependencies.Add(Map(
                ("name", $"Library.Component{i}"),
                ("version", $"{i + 1}.{i % 4}.{i * 3}"),
                ("optional", i % 4 == 3),
                ("notes", i % 3 == 0 ? $"Pinned because of issue #{1000 + i}" : null)));
        }

        var environments = new List<object?>();
        foreach (var (name, replicas, autoscaling) in new[] { ("development", 1, false), ("staging", 2, true), ("production", 6, true) })
        {
            var regions = new List<object?>();
            for (var r = 0; r < 3; r++)
            {
                regions.Add(Map(("name", $"region-{r}"), ("primary", r == 0), ("endpoint", $"HTTPS://{name.ToUpperInvariant()}.REGION{r}.EXAMPLE.COM")));
            }

            environments.Add(Map(
                ("name", name),
                ("cluster", $"k8s-{name}-01"),
                ("replicas", replicas),
                ("autoscaling", autoscaling),
                ("min_replicas", replicas),
                ("max_replicas", replicas * 4),
                ("regions", regions),
                ("approvers", name == "production" ? new List<object?> { "alice", "bob" } : new List<object?>())));
        }

        var steps = new List<object?>();
        foreach (var (step, command) in new[] { ("Checkout", null), ("Restore", "dotnet restore"), ("Build", "dotnet build -c Release"), ("Test", "dotnet test"), ("Lint", "dotnet format --verify-no-changes"), ("Package", "docker build ."), ("Scan", null), ("Publish", "docker push") })
        {
            steps.Add(Map(("name", step), ("command", command)));
        }

        return Map(
            ("service", Map(
                ("name", "orders"),
                ("description", "Accepts, prices and tracks customer orders."),
                ("owner", "team-commerce"),
                ("lifecycle", "production"),
                ("system", null),
                ("language", "C#"),
                ("runtime_version", "10.0"),
                ("repository", "https://github.com/example/orders"),
                ("default_branch", "main"),
                ("tags", new List<object?> { "dotnet", "api", "commerce", "orders" }))),
            ("endpoints", endpoints),
            ("environment", environment),
            ("dependencies", dependencies),
            ("environments", environments),
            ("ci", Map(("steps", steps), ("coverage_threshold", 80))),
            ("observability", new List<object?>
            {
                Map(("kind", "traces"), ("destination", "otel-collector:4317"), ("sampling", "10%")),
                Map(("kind", "metrics"), ("destination", "prometheus"), ("sampling", null)),
                Map(("kind", "logs"), ("destination", "loki"), ("sampling", null)),
            }),
            ("dashboards", new List<object?>
            {
                Map(("title", "Orders overview"), ("url", "https://grafana.example.com/d/orders"), ("tags", new List<object?> { "sli", "traffic" })),
                Map(("title", "Orders latency"), ("url", "https://grafana.example.com/d/orders-latency"), ("tags", new List<object?>())),
            }),
            ("slos", new List<object?>
            {
                Map(("name", "Availability"), ("target", 99.9), ("window", "30 days"), ("page_on_breach", true)),
                Map(("name", "Latency p99 < 300 ms"), ("target", 99), ("window", "7 days"), ("page_on_breach", false)),
            }),
            ("team", new List<object?>
            {
                Map(("name", "Alice Martin"), ("role", "tech lead"), ("email", "Alice.Martin@Example.com")),
                Map(("name", "Bob Stone"), ("role", "engineer"), ("email", "Bob.Stone@Example.com")),
                Map(("name", "Carla Diaz"), ("role", "engineer"), ("email", "Carla.Diaz@Example.com")),
                Map(("name", "Dan Wu"), ("role", "product owner"), ("email", "Dan.Wu@Example.com")),
            }),
            ("changelog", new List<object?>
            {
                Map(("version", "2.3.0"), ("date", "2026-05-02"), ("items", new List<object?> { "Add order export", "Faster pricing" })),
                Map(("version", "2.2.1"), ("date", "2026-04-11"), ("items", new List<object?> { "Fix rounding of discounts" })),
                Map(("version", "2.2.0"), ("date", "2026-03-20"), ("items", new List<object?> { "New tracking endpoint", "Retry on gateway errors", "Update dependencies" })),
            }),
            ("flags", new List<object?>
            {
                Map(("key", "orders.export"), ("enabled", true), ("rollout", 100), ("owner", null)),
                Map(("key", "orders.fast-pricing"), ("enabled", true), ("rollout", 25), ("owner", "team-pricing")),
                Map(("key", "orders.legacy-api"), ("enabled", false), ("rollout", 0), ("owner", null)),
            }),
            ("alerts", new List<object?>
            {
                Map(("name", "High error rate"), ("severity", "critical"), ("auto_resolve", false), ("steps", new List<object?> { "Check the dashboard", "Roll back the last release", "Page the tech lead" })),
                Map(("name", "Slow responses"), ("severity", "warning"), ("auto_resolve", true), ("steps", new List<object?> { "Check database load", "Scale out" })),
            }),
            ("clients", new List<object?>
            {
                Map(("language", "csharp"), ("base_url", "https://orders.example.com")),
                Map(("language", "typescript"), ("base_url", "https://orders.example.com")),
            }),
            ("links", new List<object?>
            {
                Map(("title", "Runbook"), ("url", "https://wiki.example.com/orders/runbook")),
                Map(("title", "API reference"), ("url", "https://orders.example.com/swagger")),
                Map(("title", "Architecture decision records"), ("url", "https://github.com/example/orders/tree/main/docs/adr")),
            }));
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object?>(entries.Length);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }
}
