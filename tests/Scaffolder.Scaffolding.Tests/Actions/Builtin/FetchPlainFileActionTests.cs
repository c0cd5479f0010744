using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class FetchPlainFileActionTests : IDisposable
{
    private readonly ActionHarness _harness = new();
    private readonly FetchPlainFileAction _action = new(Fetchers.Create());

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_local_file_is_copied_to_the_target_path_creating_folders()
    {
        _harness.WriteTemplateFile("files/LICENSE", "MIT {{ not rendered }}");

        await _harness.RunAsync(_action, new JsonObject { ["url"] = "./files/LICENSE", ["targetPath"] = "legal/LICENSE" });

        Assert.Equal("MIT {{ not rendered }}", _harness.ReadWorkspaceFile("legal/LICENSE"));
    }

    [Fact]
    public async Task An_existing_file_is_overwritten()
    {
        _harness.WriteTemplateFile("files/a.txt", "new");
        _harness.WriteWorkspaceFile("a.txt", "old");

        await _harness.RunAsync(_action, new JsonObject { ["url"] = "./files/a.txt", ["targetPath"] = "a.txt" });

        Assert.Equal("new", _harness.ReadWorkspaceFile("a.txt"));
    }

    [Fact]
    public async Task A_file_is_downloaded_over_http_from_an_allowed_host()
    {
        await using var server = await StaticFileServer.StartAsync();
        server.Serve("files/.editorconfig", "root = true\n"u8.ToArray());
        var action = new FetchPlainFileAction(Fetchers.AllowingHost(server.BaseUrl));

        await _harness.RunAsync(action, new JsonObject { ["url"] = server.Url("files/.editorconfig").AbsoluteUri, ["targetPath"] = ".editorconfig" });

        Assert.Equal("root = true\n", _harness.ReadWorkspaceFile(".editorconfig"));
    }

    [Fact]
    public async Task A_missing_remote_file_names_the_status()
    {
        await using var server = await StaticFileServer.StartAsync();
        var action = new FetchPlainFileAction(Fetchers.AllowingHost(server.BaseUrl));

        var error = await Assert.ThrowsAsync<InputError>(() =>
            _harness.RunAsync(action, new JsonObject { ["url"] = server.Url("missing.txt").AbsoluteUri, ["targetPath"] = "x" }));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_over_the_size_limit_is_refused()
    {
        await using var server = await StaticFileServer.StartAsync();
        server.Serve("big.bin", new byte[2048]);
        var action = new FetchPlainFileAction(Fetchers.AllowingHost(server.BaseUrl, o => o.MaxDownloadBytes = 1024));

        var error = await Assert.ThrowsAsync<InputError>(() =>
            _harness.RunAsync(action, new JsonObject { ["url"] = server.Url("big.bin").AbsoluteUri, ["targetPath"] = "big.bin" }));

        Assert.Contains("larger than 1024 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.WorkspaceFiles());
    }

    [Theory]
    [InlineData("../escape.txt", "outside the workspace")]
    [InlineData("/tmp/escape.txt", "not absolute")]
    public async Task A_target_outside_the_workspace_is_refused(string targetPath, string message)
    {
        _harness.WriteTemplateFile("files/a.txt", "a");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, new JsonObject { ["url"] = "./files/a.txt", ["targetPath"] = targetPath }));

        Assert.Contains("fetch:plain:file: input 'targetPath'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_is_a_link_out_of_the_workspace_is_refused()
    {
        _harness.WriteTemplateFile("files/a.txt", "a");
        var outside = Path.Combine(_harness.Root, "outside.txt");
        await File.WriteAllTextAsync(outside, "untouched");
        File.CreateSymbolicLink(Path.Combine(_harness.Workspace, "a.txt"), outside);

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, new JsonObject { ["url"] = "./files/a.txt", ["targetPath"] = "a.txt" }));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal("untouched", await File.ReadAllTextAsync(outside));
    }

    [Fact]
    public async Task A_folder_url_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_harness.TemplateFolder, "files"));

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, new JsonObject { ["url"] = "./files", ["targetPath"] = "x" }));

        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_target_path_is_refused_by_name()
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunUncheckedAsync(_action, new JsonObject { ["url"] = "./files/a.txt" }));

        Assert.Equal("fetch:plain:file: input 'targetPath' is required and must be a non-empty string", error.Message);
    }
}
