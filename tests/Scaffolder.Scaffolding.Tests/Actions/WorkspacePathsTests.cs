using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions;

public sealed class WorkspacePathsTests : IDisposable
{
    private readonly ActionHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("a.txt")]
    [InlineData("./dir/a.txt")]
    [InlineData("dir/../a.txt")]
    [InlineData(".")]
    public void Paths_inside_the_workspace_resolve(string path) =>
        Assert.StartsWith(_harness.Workspace, WorkspacePaths.Resolve(_harness.Workspace, path), StringComparison.Ordinal);

    [Theory]
    [InlineData("../outside.txt", "outside the workspace")]
    [InlineData("dir/../../outside.txt", "outside the workspace")]
    [InlineData("/etc/passwd", "not absolute")]
    public void Escaping_paths_are_refused(string path, string message)
    {
        var error = Assert.Throws<InputError>(() => WorkspacePaths.Resolve(_harness.Workspace, path));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_leading_out_of_the_workspace_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_harness.Workspace, "out"), _harness.Root);

        var error = Assert.Throws<InputError>(() => WorkspacePaths.Resolve(_harness.Workspace, "out/file.txt"));
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_chained_so_that_dotdot_climbs_out_after_following_one_are_refused()
    {
        // "deep" points two levels down; "escape" is "deep/../../.." — textually inside the workspace,
        // but the kernel applies ".." after following "deep", landing above the workspace.
        Directory.CreateDirectory(Path.Combine(_harness.Workspace, "a", "b"));
        File.CreateSymbolicLink(Path.Combine(_harness.Workspace, "deep"), "a/b");
        File.CreateSymbolicLink(Path.Combine(_harness.Workspace, "escape"), "deep/../../..");

        var error = Assert.Throws<InputError>(() => WorkspacePaths.Resolve(_harness.Workspace, "escape/file.txt"));
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_stays_inside_the_workspace_is_allowed()
    {
        Directory.CreateDirectory(Path.Combine(_harness.Workspace, "real"));
        File.CreateSymbolicLink(Path.Combine(_harness.Workspace, "alias"), "real");

        Assert.Equal(Path.Combine(_harness.Workspace, "alias", "x.txt"), WorkspacePaths.Resolve(_harness.Workspace, "alias/x.txt"));
    }

    [Fact]
    public void Real_path_applies_dotdot_after_following_a_link()
    {
        Directory.CreateDirectory(Path.Combine(_harness.Root, "x", "y"));
        File.CreateSymbolicLink(Path.Combine(_harness.Root, "link"), "x/y");

        Assert.Equal(Path.Combine(_harness.Root, "x", "z"), RealPaths.Resolve(Path.Combine(_harness.Root, "link", "..", "z")));
    }
}
