using System.Diagnostics;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class DebugActionsTests : IDisposable
{
    private readonly ActionHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Log_writes_the_message()
    {
        await _harness.RunAsync(new DebugLogAction(), new JsonObject { ["message"] = "Hello, payments!" });

        Assert.Equal([("info", "Hello, payments!")], _harness.Log.Lines);
    }

    [Fact]
    public async Task Log_lists_the_workspace_file_names()
    {
        _harness.WriteWorkspaceFile("b.txt", "b");
        _harness.WriteWorkspaceFile("a/c.txt", "c");

        await _harness.RunAsync(new DebugLogAction(), new JsonObject { ["listWorkspace"] = true });

        Assert.Equal("Workspace:\n  - a/c.txt\n  - b.txt", Assert.Single(_harness.Log.Lines).Message);
    }

    [Fact]
    public async Task Log_lists_the_workspace_with_contents_marking_binary_files()
    {
        _harness.WriteWorkspaceFile("a.txt", "line 1\nline 2\n");
        await File.WriteAllBytesAsync(Path.Combine(_harness.Workspace, "b.bin"), [1, 0, 2]);

        await _harness.RunAsync(new DebugLogAction(), new JsonObject { ["listWorkspace"] = "with-contents" });

        Assert.Equal("Workspace:\n  - a.txt:\n      line 1\n      line 2\n  - b.bin:\n      (binary, 3 bytes)", Assert.Single(_harness.Log.Lines).Message);
    }

    [Fact]
    public async Task Log_refuses_an_unknown_listing_mode()
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunUncheckedAsync(new DebugLogAction(), new JsonObject { ["listWorkspace"] = "everything" }));

        Assert.StartsWith("debug:log: input 'listWorkspace' must be true, false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_sums_its_parts()
    {
        var watch = Stopwatch.StartNew();

        await _harness.RunAsync(new DebugWaitAction(), new JsonObject { ["seconds"] = 0.1, ["milliseconds"] = 100 });

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(190), $"waited only {watch.Elapsed}");
        Assert.Contains(_harness.Log.Lines, l => l.Message == "Waiting 00:00:00.2000000");
    }

    [Fact]
    public async Task Wait_longer_than_the_maximum_is_refused()
    {
        var action = new DebugWaitAction(new DebugWaitOptions { MaxWait = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(action, new JsonObject { ["minutes"] = 1 }));

        Assert.Equal("debug:wait: waiting duration is longer than the maximum threshold of 00:00:30", error.Message);
    }

    [Fact]
    public async Task Wait_ends_early_when_the_task_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _harness.RunAsync(new DebugWaitAction(), new JsonObject { ["minutes"] = 5 }, cancellationToken: cancellation.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Wait_refuses_negative_durations()
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(new DebugWaitAction(), new JsonObject { ["seconds"] = -1 }));

        Assert.Equal("debug:wait: input 'seconds' must not be negative", error.Message);
    }

    [Fact]
    public void Wait_does_not_run_in_dry_runs_and_log_does() =>
        Assert.Equal((false, true), (new DebugWaitAction().SupportsDryRun, new DebugLogAction().SupportsDryRun));
}
