using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Templating;
using Scaffolder.Testing;

namespace Scaffolder.Benchmarks.Scaffolder;

/// <summary>How often each task ran each benchmark action (to prove no task runs twice).</summary>
public sealed class BenchRuns
{
    private readonly ConcurrentDictionary<(string TaskId, string Action), int> _counts = new();

    public void Record(string taskId, string action) => _counts.AddOrUpdate((taskId, action), 1, (_, n) => n + 1);

    public int Count(string taskId, string action) => _counts.GetValueOrDefault((taskId, action));
}

/// <summary>
/// <c>bench:render</c>: renders every file of the template's <c>skeleton/</c> folder with the
/// template engine into the workspace — the work <c>fetch:template</c> does.
/// </summary>
public sealed class BenchRenderAction(BenchRuns runs) : IScaffolderAction
{
    public string Id => "bench:render";

    public string Description => "Renders the template's skeleton folder into the workspace (benchmark stand-in for fetch:template).";

    public JsonObject InputSchema { get; } = JsonNode.Parse("""
        {"type": "object", "required": ["values"], "properties": {"values": {"type": "object"}}}
        """)!.AsObject();

    public JsonObject? OutputSchema => null;

    public IReadOnlyList<ActionExample> Examples => [];

    public bool SupportsDryRun => true;

    public async Task ExecuteAsync(ActionContext context)
    {
        runs.Record(context.TaskId, Id);
        var skeleton = new Uri(new Uri(context.TemplateInfo.BaseUrl!), "skeleton/").LocalPath;
        var model = new JsonObject { ["values"] = context.Input["values"]!.DeepClone() };
        foreach (var file in Directory.EnumerateFiles(skeleton, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(skeleton, file);
            var text = await File.ReadAllTextAsync(file, context.CancellationToken);
            var rendered = Template.Parse(text, relative).Render(model, cancellationToken: context.CancellationToken);
            var target = context.ResolveInWorkspace(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, rendered, context.CancellationToken);
        }

        context.Logger.Info($"Rendered the skeleton for {model["values"]!["name"]}");
    }
}

/// <summary>
/// <c>bench:publish</c>: commits the workspace with the <c>git</c> CLI and pushes it to a local bare
/// repository — the work <c>publish:git</c> does. Cannot dry-run.
/// </summary>
public sealed class BenchPublishAction(BenchRuns runs, string repositoriesRoot) : IScaffolderAction
{
    public string Id => "bench:publish";

    public string Description => "Commits the workspace and pushes it to a local bare repository (benchmark stand-in for publish:git).";

    public JsonObject InputSchema { get; } = JsonNode.Parse("""
        {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
        """)!.AsObject();

    public JsonObject? OutputSchema { get; } = JsonNode.Parse("""
        {"type": "object", "properties": {"remoteUrl": {"type": "string"}, "commitHash": {"type": "string"}}}
        """)!.AsObject();

    public IReadOnlyList<ActionExample> Examples => [];

    public bool SupportsDryRun => false;

    public async Task ExecuteAsync(ActionContext context)
    {
        runs.Record(context.TaskId, Id);
        var remote = Path.Combine(repositoriesRoot, $"{context.Input["name"]!.GetValue<string>()}-{context.TaskId}.git");
        await GitAsync(repositoriesRoot, context.CancellationToken, "init", "--quiet", "--bare", remote);
        var workspace = context.WorkspacePath;
        await GitAsync(workspace, context.CancellationToken, "init", "--quiet", "--initial-branch=main");
        await GitAsync(workspace, context.CancellationToken, "add", "--all");
        await GitAsync(workspace, context.CancellationToken, "-c", "user.name=Scaffolder", "-c", "user.email=scaffolder@example.com", "commit", "--quiet", "-m", "initial commit");
        await GitAsync(workspace, context.CancellationToken, "push", "--quiet", remote, "main");
        var hash = (await GitAsync(workspace, context.CancellationToken, "rev-parse", "HEAD")).Trim();
        context.Output("remoteUrl", new Uri(remote).AbsoluteUri);
        context.Output("commitHash", hash);
    }

    private static async Task<string> GitAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("git", arguments, directory, timeout: TimeSpan.FromSeconds(60), cancellationToken: cancellationToken);
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"git {arguments[0]} failed: {result.Combined}");
    }
}
