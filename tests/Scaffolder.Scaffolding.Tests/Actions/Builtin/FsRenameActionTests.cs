using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class FsRenameActionTests : IDisposable
{
    private readonly ActionHarness _harness = new();
    private readonly FsRenameAction _action = new();

    public void Dispose() => _harness.Dispose();

    private static JsonObject Files(params (string From, string To, bool? Overwrite)[] files) => new()
    {
        ["files"] = new JsonArray(files.Select(f =>
        {
            var item = new JsonObject { ["from"] = f.From, ["to"] = f.To };
            if (f.Overwrite is { } overwrite)
            {
                item["overwrite"] = overwrite;
            }

            return (JsonNode)item;
        }).ToArray()),
    };

    [Fact]
    public async Task Files_and_folders_are_moved_in_order_creating_parent_folders()
    {
        _harness.WriteWorkspaceFile("a.txt", "a");
        _harness.WriteWorkspaceFile("src/x/b.cs", "b");

        await _harness.RunAsync(_action, Files(("a.txt", "docs/renamed.txt", null), ("src/x", "src/y", null), ("src/y/b.cs", "src/y/c.cs", null)));

        Assert.Equal(["docs/renamed.txt", "src/y/c.cs"], _harness.WorkspaceFiles());
    }

    [Fact]
    public async Task An_existing_destination_is_an_error_unless_overwrite_is_set()
    {
        _harness.WriteWorkspaceFile("a.txt", "a");
        _harness.WriteWorkspaceFile("b.txt", "b");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Files(("a.txt", "b.txt", null))));
        Assert.Contains("files[0]: the destination 'b.txt' already exists; set overwrite: true", error.Message, StringComparison.Ordinal);

        await _harness.RunAsync(_action, Files(("a.txt", "b.txt", true)));
        Assert.Equal(["b.txt"], _harness.WorkspaceFiles());
        Assert.Equal("a", _harness.ReadWorkspaceFile("b.txt"));
    }

    [Fact]
    public async Task A_missing_source_is_reported()
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Files(("nope.txt", "x.txt", null))));

        Assert.Equal("fs:rename: files[0]: the source 'nope.txt' does not exist", error.Message);
    }

    [Theory]
    [InlineData("../outside.txt", "a.txt", "files[0].from")]
    [InlineData("a.txt", "../outside.txt", "files[0].to")]
    [InlineData("a.txt", "/tmp/abs.txt", "files[0].to")]
    public async Task Paths_outside_the_workspace_are_refused_before_anything_moves(string from, string to, string inputName)
    {
        _harness.WriteWorkspaceFile("a.txt", "a");
        _harness.WriteWorkspaceFile("b.txt", "b");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Files(("b.txt", "c.txt", null), (from, to, null))));

        Assert.Contains(inputName.Replace("[0]", "[1]", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.Equal(["a.txt", "b.txt"], _harness.WorkspaceFiles());
    }

    [Fact]
    public async Task A_destination_through_a_link_leading_out_is_refused()
    {
        _harness.WriteWorkspaceFile("a.txt", "a");
        Directory.CreateSymbolicLink(Path.Combine(_harness.Workspace, "out"), _harness.Root);

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Files(("a.txt", "out/a.txt", null))));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_harness.Root, "a.txt")));
    }

    [Fact]
    public async Task A_folder_cannot_move_into_itself()
    {
        _harness.WriteWorkspaceFile("dir/a.txt", "a");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Files(("dir", "dir/sub", null))));

        Assert.Contains("into itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_without_from_or_to_is_refused()
    {
        var error = await Assert.ThrowsAsync<InputError>(() =>
            _harness.RunUncheckedAsync(_action, new JsonObject { ["files"] = new JsonArray(new JsonObject { ["from"] = "a" }) }));

        Assert.Equal("fs:rename: input 'files[0]' must have a 'from' and a 'to' path", error.Message);
    }

    [Fact]
    public async Task Missing_files_input_is_refused()
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunUncheckedAsync(_action, []));

        Assert.Equal("fs:rename: input 'files' is required and must be an array", error.Message);
    }
}
