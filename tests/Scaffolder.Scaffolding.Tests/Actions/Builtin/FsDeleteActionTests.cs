using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class FsDeleteActionTests : IDisposable
{
    private readonly ActionHarness _harness = new();
    private readonly FsDeleteAction _action = new();

    public void Dispose() => _harness.Dispose();

    private static JsonObject Files(params string[] files) => new() { ["files"] = new JsonArray(files.Select(f => (JsonNode)f).ToArray()) };

    [Fact]
    public async Task Files_folders_and_glob_matches_are_deleted()
    {
        _harness.WriteWorkspaceFile("keep.txt", "k");
        _harness.WriteWorkspaceFile("remove.txt", "r");
        _harness.WriteWorkspaceFile("drafts/a.md", "a");
        _harness.WriteWorkspaceFile("src/a.orig", "o");
        _harness.WriteWorkspaceFile("src/deep/.b.orig", "o");
        _harness.WriteWorkspaceFile("src/a.cs", "c");

        await _harness.RunAsync(_action, Files("remove.txt", "drafts", "**/*.orig", "does-not-exist.txt"));

        Assert.Equal(["keep.txt", "src/a.cs"], _harness.WorkspaceFiles());
        Assert.False(Directory.Exists(Path.Combine(_harness.Workspace, "drafts")));
    }

    [Fact]
    public async Task Nothing_matching_is_not_an_error()
    {
        await _harness.RunAsync(_action, Files("missing.txt", "**/*.nothing"));

        Assert.Contains(_harness.Log.Lines, l => l.Message == "Nothing matched; no files deleted");
    }

    [Theory]
    [InlineData("../outside.txt", "outside the workspace")]
    [InlineData("/etc/passwd", "not absolute")]
    [InlineData(".", "the workspace itself")]
    [InlineData("a/..", "the workspace itself")]
    public async Task Paths_outside_the_workspace_or_the_workspace_itself_are_refused(string path, string message)
    {
        await File.WriteAllTextAsync(Path.Combine(_harness.Root, "outside.txt"), "safe");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Files(path)));

        Assert.Contains("fs:delete: input 'files[0]'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_harness.Root, "outside.txt")));
        Assert.True(Directory.Exists(_harness.Workspace));
    }

    [Fact]
    public async Task A_link_leading_out_is_removed_itself_and_its_target_survives()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_harness.Root, "outside")).FullName;
        await File.WriteAllTextAsync(Path.Combine(outside, "precious.txt"), "safe");
        Directory.CreateSymbolicLink(Path.Combine(_harness.Workspace, "link"), outside);

        await _harness.RunAsync(_action, Files("link"));

        Assert.Empty(_harness.WorkspaceFiles());
        Assert.True(File.Exists(Path.Combine(outside, "precious.txt")));
    }

    [Fact]
    public async Task A_glob_does_not_descend_through_links()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_harness.Root, "outside")).FullName;
        await File.WriteAllTextAsync(Path.Combine(outside, "precious.tmp"), "safe");
        Directory.CreateSymbolicLink(Path.Combine(_harness.Workspace, "link"), outside);

        await _harness.RunAsync(_action, Files("**/*.tmp"));

        Assert.True(File.Exists(Path.Combine(outside, "precious.tmp")));
    }

    [Fact]
    public async Task A_path_through_a_link_leading_out_is_refused()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_harness.Root, "outside")).FullName;
        await File.WriteAllTextAsync(Path.Combine(outside, "precious.txt"), "safe");
        Directory.CreateSymbolicLink(Path.Combine(_harness.Workspace, "link"), outside);

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Files("link/precious.txt")));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outside, "precious.txt")));
    }

    [Theory]
    [InlineData("src/[abc", "never closed")]
    [InlineData("!keep.txt", "exclusion")]
    public async Task A_bad_glob_is_refused_naming_the_entry(string pattern, string message)
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Files("ok.txt", pattern)));

        Assert.Contains("fs:delete: input 'files[1]'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
