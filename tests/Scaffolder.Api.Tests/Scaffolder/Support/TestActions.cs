using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Actions;

namespace Scaffolder.Api.Tests.Scaffolder.Support;

/// <summary>Every action execution of a test host: which task, step and action, with what input.</summary>
public sealed class ActionRecorder
{
    private readonly ConcurrentQueue<(string TaskId, string StepId, string ActionId, JsonObject Input)> _runs = new();

    public IReadOnlyCollection<(string TaskId, string StepId, string ActionId, JsonObject Input)> Runs => _runs;

    public void Record(ActionContext context, string actionId) =>
        _runs.Enqueue((context.TaskId, context.StepId, actionId, (JsonObject)context.Input.DeepClone()));

    public int Count(string taskId, string actionId) => _runs.Count(r => r.TaskId == taskId && r.ActionId == actionId);
}

/// <summary>Base of the test-only actions: schemas from JSON text, every run recorded.</summary>
public abstract class TestAction(ActionRecorder recorder, string id, string inputSchema, string? outputSchema = null, bool supportsDryRun = true) : IScaffolderAction
{
    public string Id { get; } = id;

    public string Description => $"Test action {Id}";

    public JsonObject InputSchema { get; } = JsonNode.Parse(inputSchema)!.AsObject();

    public JsonObject? OutputSchema { get; } = outputSchema is null ? null : JsonNode.Parse(outputSchema)!.AsObject();

    public IReadOnlyList<ActionExample> Examples { get; } = [new ActionExample($"Use {id}", $"steps:\n  - action: {id}\n")];

    public bool SupportsDryRun { get; } = supportsDryRun;

    public Task ExecuteAsync(ActionContext context)
    {
        recorder.Record(context, Id);
        return RunAsync(context);
    }

    protected abstract Task RunAsync(ActionContext context);

    protected static string Text(ActionContext context, string key) => context.Input[key]?.GetValue<string>() ?? string.Empty;
}

/// <summary><c>test:echo</c>: logs its message and outputs it.</summary>
public sealed class EchoAction(ActionRecorder recorder) : TestAction(
    recorder,
    "test:echo",
    """{"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}""",
    """{"type": "object", "properties": {"message": {"type": "string"}}}""")
{
    protected override Task RunAsync(ActionContext context)
    {
        context.Logger.Info($"echo: {Text(context, "message")}");
        context.Output("message", Text(context, "message"));
        return Task.CompletedTask;
    }
}

/// <summary><c>test:write</c>: writes a file into the workspace.</summary>
public sealed class WriteFileAction(ActionRecorder recorder) : TestAction(
    recorder,
    "test:write",
    """{"type": "object", "required": ["path"], "properties": {"path": {"type": "string"}, "content": {"type": "string"}, "executable": {"type": "boolean"}}}""",
    """{"type": "object", "properties": {"path": {"type": "string"}}}""")
{
    protected override async Task RunAsync(ActionContext context)
    {
        var path = context.ResolveInWorkspace(Text(context, "path"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, Text(context, "content"), context.CancellationToken);
        if (context.Input["executable"]?.GetValue<bool>() == true && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        context.Output("path", Text(context, "path"));
    }
}

/// <summary><c>test:copy-from-template</c>: copies a file found next to the template (its base URL) into the workspace.</summary>
public sealed class CopyFromTemplateAction(ActionRecorder recorder) : TestAction(
    recorder,
    "test:copy-from-template",
    """{"type": "object", "required": ["file"], "properties": {"file": {"type": "string"}}}""")
{
    protected override async Task RunAsync(ActionContext context)
    {
        var source = new Uri(new Uri(context.TemplateInfo.BaseUrl!), Text(context, "file")).LocalPath;
        var target = context.ResolveInWorkspace(Text(context, "file"));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target, await File.ReadAllBytesAsync(source, context.CancellationToken), context.CancellationToken);
    }
}

/// <summary><c>test:wait</c>: waits, ending early when the step is cancelled; cannot dry-run.</summary>
public sealed class WaitAction(ActionRecorder recorder) : TestAction(
    recorder,
    "test:wait",
    """{"type": "object", "properties": {"milliseconds": {"type": "integer", "minimum": 0}}}""",
    supportsDryRun: false)
{
    protected override async Task RunAsync(ActionContext context)
    {
        context.Logger.Info("waiting");
        await Task.Delay(context.Input["milliseconds"]?.GetValue<int>() ?? 60_000, context.CancellationToken);
    }
}

/// <summary><c>test:fail</c>: throws with its message.</summary>
public sealed class FailAction(ActionRecorder recorder) : TestAction(
    recorder,
    "test:fail",
    """{"type": "object", "properties": {"message": {"type": "string"}}}""")
{
    protected override Task RunAsync(ActionContext context) => throw new InvalidOperationException(Text(context, "message"));
}

/// <summary><c>test:use-secret</c>: logs and outputs what it was given (a secret, in the tests) and may fail quoting it.</summary>
public sealed class UseSecretAction(ActionRecorder recorder) : TestAction(
    recorder,
    "test:use-secret",
    """{"type": "object", "required": ["token"], "properties": {"token": {"type": "string"}, "fail": {"type": "boolean"}}}""",
    """{"type": "object", "properties": {"seen": {"type": "string"}}}""")
{
    protected override Task RunAsync(ActionContext context)
    {
        var token = Text(context, "token");
        context.Logger.Info($"authenticating with {token}");
        context.Logger.Warn($"context secret is {context.Secrets.GetValueOrDefault("token")}");
        context.Output("seen", token);
        if (context.Input["fail"]?.GetValue<bool>() == true)
        {
            throw new InvalidOperationException($"remote rejected token {token}");
        }

        return Task.CompletedTask;
    }
}

/// <summary><c>test:publish</c>: stands for a publish action: no dry-run support, outputs with examples.</summary>
public sealed class PublishAction(ActionRecorder recorder) : TestAction(
    recorder,
    "test:publish",
    """{"type": "object", "properties": {"name": {"type": "string"}}}""",
    """{"type": "object", "properties": {"remoteUrl": {"type": "string", "examples": ["https://example.com/repo.git"]}, "commitHash": {"type": "string"}}}""",
    supportsDryRun: false)
{
    protected override Task RunAsync(ActionContext context)
    {
        context.Output("remoteUrl", $"https://git.example.com/{Text(context, "name")}.git");
        context.Output("commitHash", "abc123");
        return Task.CompletedTask;
    }
}
