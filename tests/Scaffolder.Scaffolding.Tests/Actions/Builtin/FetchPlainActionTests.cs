using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Publishing.Tests.Infrastructure;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class FetchPlainActionTests : IDisposable
{
    private readonly ActionHarness _harness = new();
    private readonly FetchPlainAction _action = new(Fetchers.Create());

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Folder_is_copied_verbatim_names_included_overwriting_existing_files()
    {
        _harness.WriteTemplateFile("static/{{ values.name }}.txt", "{{ values.name }}");
        _harness.WriteTemplateFile("static/docs/index.md.sbn", "${{ values.x }}");
        _harness.WriteWorkspaceFile("out/docs/index.md.sbn", "old");

        await _harness.RunAsync(_action, new JsonObject { ["url"] = "./static", ["targetPath"] = "out" });

        Assert.Equal(["out/docs/index.md.sbn", "out/{{ values.name }}.txt"], _harness.WorkspaceFiles());
        Assert.Equal("${{ values.x }}", _harness.ReadWorkspaceFile("out/docs/index.md.sbn"));
    }

    [Fact]
    public async Task Target_defaults_to_the_workspace_root()
    {
        _harness.WriteTemplateFile("static/a.txt", "a");

        await _harness.RunAsync(_action, new JsonObject { ["url"] = "./static" });

        Assert.Equal(["a.txt"], _harness.WorkspaceFiles());
    }

    [Fact]
    public async Task A_file_url_is_refused_with_a_pointer_to_fetch_plain_file()
    {
        _harness.WriteTemplateFile("static/a.txt", "a");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, new JsonObject { ["url"] = "./static/a.txt" }));

        Assert.Contains("is a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_outside_the_workspace_is_refused()
    {
        _harness.WriteTemplateFile("static/a.txt", "a");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, new JsonObject { ["url"] = "./static", ["targetPath"] = "../x" }));

        Assert.Contains("fetch:plain: input 'targetPath'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tar_gz_archive_is_fetched_over_http()
    {
        await using var server = await StaticFileServer.StartAsync();
        server.Serve("docs.tgz", new TarGz().File("guide.md", "# Guide").File("sub/x.md", "x").Build());
        var action = new FetchPlainAction(Fetchers.AllowingHost(server.BaseUrl));

        await _harness.RunAsync(action, new JsonObject { ["url"] = server.Url("docs.tgz").AbsoluteUri, ["targetPath"] = "docs" });

        Assert.Equal(["docs/guide.md", "docs/sub/x.md"], _harness.WorkspaceFiles());
    }

    [Fact]
    public async Task An_unreachable_host_fails_with_a_clear_message()
    {
        var url = new Uri($"http://127.0.0.1:{Unreachable.ClosedPort()}/docs.tgz");
        var action = new FetchPlainAction(Fetchers.AllowingHost(url));

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(action, new JsonObject { ["url"] = url.AbsoluteUri }));

        Assert.StartsWith($"fetch:plain: could not read {url.AbsoluteUri}", error.Message, StringComparison.Ordinal);
    }
}
