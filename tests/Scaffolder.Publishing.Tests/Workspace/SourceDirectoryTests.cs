using Scaffolder.Publishing.Tests.Infrastructure;
using Scaffolder.Publishing.Workspace;

namespace Scaffolder.Publishing.Tests.Workspace;

public sealed class SourceDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;

    public SourceDirectoryTests()
    {
        _workspace = _temp.CreateDirectory("workspace");
        _temp.CreateDirectory("workspace", "service", "src");
        _temp.WriteFile("workspace/file.txt", "x");
        _temp.CreateDirectory("outside");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("./")]
    public void No_source_path_means_the_whole_workspace(string? sourcePath) =>
        Assert.Equal(_workspace, SourceDirectory.Resolve(_workspace, sourcePath));

    [Theory]
    [InlineData("service")]
    [InlineData("./service")]
    [InlineData("service/")]
    [InlineData("service/src/..")]
    public void A_directory_inside_the_workspace_is_resolved(string sourcePath) =>
        Assert.Equal(Path.Combine(_workspace, "service"), SourceDirectory.Resolve(_workspace, sourcePath));

    [Theory]
    [InlineData("..", "outside the workspace")]
    [InlineData("../outside", "outside the workspace")]
    [InlineData("service/../../outside", "outside the workspace")]
    [InlineData("/etc", "not an absolute path")]
    [InlineData("\\etc", "not an absolute path")]
    [InlineData("missing", "no such directory")]
    [InlineData("file.txt", "it is a file")]
    [InlineData("a\nb", "control characters")]
    public void A_path_leaving_the_workspace_or_naming_no_directory_is_refused(string sourcePath, string reason)
    {
        var error = Assert.Throws<PublishingInputException>(() => SourceDirectory.Resolve(_workspace, sourcePath));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("sourcePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_out_of_the_workspace_is_not_followed()
    {
        Directory.CreateSymbolicLink(Path.Combine(_workspace, "escape"), _temp.Combine("outside"));

        var error = Assert.Throws<PublishingInputException>(() => SourceDirectory.Resolve(_workspace, "escape"));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_workspace_is_reported()
    {
        var error = Assert.Throws<PublishingInputException>(() => SourceDirectory.Resolve(_temp.Combine("nope"), null));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
