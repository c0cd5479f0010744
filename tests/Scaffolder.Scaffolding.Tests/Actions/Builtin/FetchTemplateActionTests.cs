using System.Diagnostics;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Publishing.Tests.Infrastructure;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Actions.Fetching;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class FetchTemplateActionTests : IDisposable
{
    private readonly ActionHarness _harness = new();
    private readonly FetchTemplateAction _action = new(Fetchers.Create());

    public void Dispose() => _harness.Dispose();

    private static JsonObject Input(string url = "./skeleton", JsonObject? values = null) =>
        new() { ["url"] = url, ["values"] = values ?? new JsonObject { ["name"] = "payments", ["owner"] = "team-a" } };

    [Fact]
    public async Task Only_sbn_files_are_rendered_and_lose_their_suffix()
    {
        _harness.WriteTemplateFile("skeleton/README.md.sbn", "# {{ values.name }} by {{ values.owner }}\n");
        _harness.WriteTemplateFile("skeleton/notes.md", "# {{ values.name }}\n");

        await _harness.RunAsync(_action, Input());

        Assert.Equal(["README.md", "notes.md"], _harness.WorkspaceFiles());
        Assert.Equal("# payments by team-a\n", _harness.ReadWorkspaceFile("README.md"));
        Assert.Equal("# {{ values.name }}\n", _harness.ReadWorkspaceFile("notes.md"));
    }

    [Fact]
    public async Task Helm_and_GitHub_Actions_expressions_in_plain_files_and_binary_files_are_copied_byte_for_byte()
    {
        var workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.sha }}\n";
        var chart = "image: {{ .Values.image.repository }}:{{ .Chart.AppVersion }}\n{{- if .Values.x }}\n";
        byte[] binary = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x7B, 0x7B, 0x20, 0x7D, 0x7D];
        _harness.WriteTemplateFile("skeleton/.github/workflows/ci.yml", workflow);
        _harness.WriteTemplateFile("skeleton/chart/templates/deployment.yaml", chart);
        Directory.CreateDirectory(Path.Combine(_harness.TemplateFolder, "skeleton", "assets"));
        await File.WriteAllBytesAsync(Path.Combine(_harness.TemplateFolder, "skeleton", "assets", "logo.png"), binary);

        await _harness.RunAsync(_action, Input());

        Assert.Equal(workflow, _harness.ReadWorkspaceFile(".github/workflows/ci.yml"));
        Assert.Equal(chart, _harness.ReadWorkspaceFile("chart/templates/deployment.yaml"));
        Assert.Equal(binary, await File.ReadAllBytesAsync(Path.Combine(_harness.Workspace, "assets", "logo.png")));
    }

    [Fact]
    public async Task Path_segments_with_expressions_are_rendered()
    {
        _harness.WriteTemplateFile("skeleton/src/{{ values.name }}/{{ values.name }}.csproj.sbn", "<Project>{{ values.name }}</Project>");
        _harness.WriteTemplateFile("skeleton/src/{{ values.name }}/static.txt", "static");

        await _harness.RunAsync(_action, Input());

        Assert.Equal(["src/payments/payments.csproj", "src/payments/static.txt"], _harness.WorkspaceFiles());
        Assert.Equal("<Project>payments</Project>", _harness.ReadWorkspaceFile("src/payments/payments.csproj"));
    }

    [Fact]
    public async Task Entries_whose_path_renders_empty_are_skipped()
    {
        _harness.WriteTemplateFile("skeleton/{{ if values.withDocs }}docs{{ end }}/index.md", "docs");
        _harness.WriteTemplateFile("skeleton/{{ if values.withQueue }}queue.yaml{{ end }}", "queue");
        _harness.WriteTemplateFile("skeleton/kept.txt", "kept");

        await _harness.RunAsync(_action, Input(values: new JsonObject { ["withDocs"] = false, ["withQueue"] = false }));

        Assert.Equal(["kept.txt"], _harness.WorkspaceFiles());
        Assert.Contains(_harness.Log.Lines, l => l.Message.Contains("Skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Values_may_be_nested_objects_and_lists()
    {
        _harness.WriteTemplateFile(
            "skeleton/list.txt.sbn",
            "{{ for port in values.service.ports }}{{ port.name }}={{ port.number }}\n{{ end }}{{ values.tags | array.join \",\" }}");
        var values = JsonNode.Parse("""{"service":{"ports":[{"name":"http","number":8080},{"name":"grpc","number":9090}]},"tags":["a","b"]}""")!.AsObject();

        await _harness.RunAsync(_action, Input(values: values));

        Assert.Equal("http=8080\ngrpc=9090\na,b", _harness.ReadWorkspaceFile("list.txt"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task File_modes_are_preserved()
    {
        var script = _harness.WriteTemplateFile("skeleton/build.sh", "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(script, (UnixFileMode)0x1ED);
        var rendered = _harness.WriteTemplateFile("skeleton/run.sh.sbn", "#!/bin/sh\necho {{ values.name }}\n");
        File.SetUnixFileMode(rendered, (UnixFileMode)0x1ED);

        await _harness.RunAsync(_action, Input());

        Assert.True(File.GetUnixFileMode(Path.Combine(_harness.Workspace, "build.sh")).HasFlag(UnixFileMode.UserExecute));
        Assert.True(File.GetUnixFileMode(Path.Combine(_harness.Workspace, "run.sh")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task Target_path_places_the_output_in_a_sub_folder()
    {
        _harness.WriteTemplateFile("skeleton/a.txt.sbn", "{{ values.name }}");
        var input = Input();
        input["targetPath"] = "services/{{ values.name }}/../payments";

        await _harness.RunAsync(_action, input);

        Assert.Equal(["services/payments/a.txt"], _harness.WorkspaceFiles());
    }

    [Fact]
    public async Task Copy_without_templating_renders_names_but_not_contents()
    {
        _harness.WriteTemplateFile("skeleton/{{ values.name }}/raw.txt.sbn", "{{ values.name }}");
        _harness.WriteTemplateFile("skeleton/rendered.txt.sbn", "{{ values.name }}");
        var input = Input();
        input["copyWithoutTemplating"] = new JsonArray("{{ values.name }}/**");

        await _harness.RunAsync(_action, input);

        Assert.Equal(["payments/raw.txt.sbn", "rendered.txt"], _harness.WorkspaceFiles());
        Assert.Equal("{{ values.name }}", _harness.ReadWorkspaceFile("payments/raw.txt.sbn"));
    }

    [Fact]
    public async Task Copy_without_render_keeps_names_and_contents_literal()
    {
        _harness.WriteTemplateFile("skeleton/{{ values.name }}/file.txt.sbn", "{{ values.name }}");
        var input = Input();
        input["copyWithoutRender"] = new JsonArray("{{ values.name }}");

        await _harness.RunAsync(_action, input);

        Assert.Equal(["{{ values.name }}/file.txt.sbn"], _harness.WorkspaceFiles());
    }

    [Fact]
    public async Task Both_copy_lists_at_once_are_refused()
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "a");
        var input = Input();
        input["copyWithoutRender"] = new JsonArray("a");
        input["copyWithoutTemplating"] = new JsonArray("b");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, input));
        Assert.Contains("copyWithoutRender and copyWithoutTemplating can not be used at the same time", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/[abc", "copyWithoutTemplating[1]", "never closed")]
    [InlineData("../outside/*", "copyWithoutTemplating[1]", "'..'")]
    [InlineData("/abs/*", "copyWithoutTemplating[1]", "absolute")]
    public async Task A_bad_glob_names_the_input_and_the_problem(string pattern, string inputName, string problem)
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "a");
        var input = Input();
        input["copyWithoutTemplating"] = new JsonArray("ok/**", pattern);

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, input));
        Assert.Contains($"input '{inputName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.WorkspaceFiles());
    }

    [Fact]
    public async Task Existing_files_are_kept_unless_replace_is_set()
    {
        _harness.WriteTemplateFile("skeleton/a.txt.sbn", "new {{ values.name }}");
        _harness.WriteWorkspaceFile("a.txt", "old");

        await _harness.RunAsync(_action, Input());
        Assert.Equal("old", _harness.ReadWorkspaceFile("a.txt"));
        Assert.Contains(_harness.Log.Lines, l => l.Message.Contains("Kept 1 files that already existed", StringComparison.Ordinal));

        var replacing = Input();
        replacing["replace"] = true;
        await _harness.RunAsync(_action, replacing);
        Assert.Equal("new payments", _harness.ReadWorkspaceFile("a.txt"));
    }

    [Fact]
    public async Task Cookiecutter_compatibility_exposes_values_as_cookiecutter()
    {
        _harness.WriteTemplateFile("skeleton/a.txt.sbn", "{{ cookiecutter.name }}");
        var input = Input();
        input["cookiecutterCompat"] = true;

        await _harness.RunAsync(_action, input);

        Assert.Equal("payments", _harness.ReadWorkspaceFile("a.txt"));
    }

    [Fact]
    public async Task A_custom_template_file_extension_selects_which_files_are_rendered()
    {
        _harness.WriteTemplateFile("skeleton/a.txt.tpl", "{{ values.name }}");
        _harness.WriteTemplateFile("skeleton/b.txt.sbn", "{{ values.name }}");
        var input = Input();
        input["templateFileExtension"] = ".tpl";

        await _harness.RunAsync(_action, input);

        Assert.Equal("payments", _harness.ReadWorkspaceFile("a.txt"));
        Assert.Equal("{{ values.name }}", _harness.ReadWorkspaceFile("b.txt.sbn"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\".njk\"")]
    public async Task Nunjucks_template_files_are_refused_with_an_explanation(string extension)
    {
        _harness.WriteTemplateFile("skeleton/a.txt.njk", "${{ values.name }}");
        var input = Input();
        input["templateFileExtension"] = JsonNode.Parse(extension);

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, input));
        Assert.Contains("input 'templateFileExtension'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nunjucks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nunjucks_whitespace_options_are_accepted_with_a_warning()
    {
        _harness.WriteTemplateFile("skeleton/a.txt.sbn", "{{ values.name }}");
        var input = Input();
        input["trimBlocks"] = true;

        await _harness.RunAsync(_action, input);

        Assert.Contains(_harness.Log.Lines, l => l.Level == "warn" && l.Message.StartsWith("trimBlocks has no effect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_syntax_error_names_the_file_and_line_and_nothing_is_written()
    {
        _harness.WriteTemplateFile("skeleton/a.txt.sbn", "fine");
        _harness.WriteTemplateFile("skeleton/broken/b.txt.sbn", "line one\n{{ if values.name }}never closed\n");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input()));

        Assert.Contains("broken/b.txt.sbn(", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be rendered", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.WorkspaceFiles());
    }

    [Fact]
    public async Task A_runtime_error_names_the_file()
    {
        _harness.WriteTemplateFile("skeleton/a.txt.sbn", "{{ include 'other' }}");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input()));

        Assert.Contains("a.txt.sbn(1,", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.WorkspaceFiles());
    }

    [Fact]
    public async Task Two_entries_rendering_to_the_same_output_are_refused()
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "plain");
        _harness.WriteTemplateFile("skeleton/a.txt.sbn", "template");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input()));

        Assert.Contains("both produce 'a.txt'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("a/../../outside")]
    [InlineData("/tmp/absolute")]
    public async Task A_target_path_outside_the_workspace_is_refused(string targetPath)
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "a");
        var input = Input();
        input["targetPath"] = targetPath;

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, input));

        Assert.Contains("input 'targetPath'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_harness.Root, "outside")));
    }

    [Fact]
    public async Task A_target_path_through_a_link_leading_out_is_refused()
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "a");
        File.CreateSymbolicLink(Path.Combine(_harness.Workspace, "out"), _harness.Root);
        var input = Input();
        input["targetPath"] = "out/x";

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, input));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_harness.Root, "x")));
    }

    [Fact]
    public async Task A_skeleton_path_rendering_out_of_the_target_is_refused_and_nothing_is_written()
    {
        _harness.WriteTemplateFile("skeleton/ok.txt", "ok");
        _harness.WriteTemplateFile("skeleton/{{ values.name }}/x.txt", "x");

        var error = await Assert.ThrowsAsync<InputError>(() =>
            _harness.RunAsync(_action, Input(values: new JsonObject { ["name"] = "../../escaped" })));

        Assert.Contains("renders to '../../escaped/x.txt', which is outside the target folder", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.WorkspaceFiles());
        Assert.False(Directory.Exists(Path.Combine(_harness.Root, "escaped")));
    }

    [Fact]
    public async Task Links_in_the_skeleton_are_copied_as_links_when_they_stay_inside()
    {
        _harness.WriteTemplateFile("skeleton/docs/README.md", "readme");
        File.CreateSymbolicLink(Path.Combine(_harness.TemplateFolder, "skeleton", "README.md"), "docs/README.md");

        await _harness.RunAsync(_action, Input());

        Assert.Equal("docs/README.md", new FileInfo(Path.Combine(_harness.Workspace, "README.md")).LinkTarget);
        Assert.Equal("readme", _harness.ReadWorkspaceFile("README.md"));
    }

    [Theory]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("../../../outside", "leads outside the workspace")]
    public async Task Links_in_the_skeleton_leading_out_are_refused(string linkTarget, string message)
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "a");
        File.CreateSymbolicLink(Path.Combine(_harness.TemplateFolder, "skeleton", "escape"), linkTarget);

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input()));

        Assert.Contains("'escape' is a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.WorkspaceFiles());
    }

    [Fact]
    public async Task A_skeleton_folder_that_is_a_link_to_elsewhere_in_the_template_is_listed_without_following_inner_links()
    {
        var secret = Path.Combine(_harness.Root, "secret.txt");
        await File.WriteAllTextAsync(secret, "secret");
        _harness.WriteTemplateFile("skeleton/a.txt", "a");
        Directory.CreateSymbolicLink(Path.Combine(_harness.TemplateFolder, "skeleton", "outside-dir"), _harness.Root);

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input()));

        Assert.Contains("'outside-dir' is a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_harness.Workspace, "outside-dir", "secret.txt")));
    }

    [Fact]
    public async Task A_relative_url_outside_the_template_folder_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_harness.Root, "elsewhere"));

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input("../elsewhere")));

        Assert.Contains("input 'url'", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the template's folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_under_a_configured_root_is_readable_by_file_url()
    {
        var shared = Directory.CreateDirectory(Path.Combine(_harness.Root, "shared", "skeleton")).FullName;
        await File.WriteAllTextAsync(Path.Combine(shared, "a.txt.sbn"), "{{ values.name }}");
        var action = new FetchTemplateAction(Fetchers.Create(new FetchOptions { FileRoots = [Path.Combine(_harness.Root, "shared")] }));

        await _harness.RunAsync(action, Input(new Uri(shared).AbsoluteUri));

        Assert.Equal("payments", _harness.ReadWorkspaceFile("a.txt"));
    }

    [Theory]
    [InlineData("./missing", "does not exist")]
    [InlineData("./template.yaml", "is a file")]
    [InlineData("ftp://example.com/skeleton", "scheme 'ftp'")]
    [InlineData("https://example.com/skeleton.tar.gz", "not allowed")]
    public async Task Unusable_urls_are_refused_naming_the_input(string url, string message)
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input(url)));

        Assert.Contains("fetch:template: input 'url'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_url_without_a_template_base_url_is_refused()
    {
        var context = _harness.Context(Input(), templateInfo: new Scaffolding.Actions.TemplateInfo("template:default/x", null));

        var error = await Assert.ThrowsAsync<InputError>(() => _action.ExecuteAsync(context));

        Assert.Contains("has no base URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tar_gz_skeleton_is_fetched_over_http_with_its_top_folder_stripped_and_the_token_sent()
    {
        await using var server = await StaticFileServer.StartAsync();
        server.Serve("skeleton.tar.gz", new TarGz().Directory("repo-main/").File("repo-main/README.md.sbn", "# {{ values.name }}").File("repo-main/ci.yml", "${{ github.sha }}").Build());
        var action = new FetchTemplateAction(Fetchers.AllowingHost(server.BaseUrl));
        var input = Input(server.Url("skeleton.tar.gz").AbsoluteUri);
        input["token"] = "s3cret-token";

        await _harness.RunAsync(action, input);

        Assert.Equal(["README.md", "ci.yml"], _harness.WorkspaceFiles());
        Assert.Equal("# payments", _harness.ReadWorkspaceFile("README.md"));
        Assert.Equal("Bearer s3cret-token", Assert.Single(server.Authorizations));
    }

    [Theory]
    [InlineData("../evil.txt", "climbs out")]
    [InlineData("/etc/evil.txt", "absolute name")]
    public async Task Archive_entries_that_would_land_outside_are_refused(string name, string message)
    {
        await using var server = await StaticFileServer.StartAsync();
        server.Serve("bad.tar.gz", new TarGz().File("ok.txt", "ok").File(name, "evil").Build());
        var action = new FetchTemplateAction(Fetchers.AllowingHost(server.BaseUrl));

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(action, Input(server.Url("bad.tar.gz").AbsoluteUri)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.WorkspaceFiles());
    }

    [Fact]
    public async Task Archive_links_that_climb_out_through_another_link_are_refused()
    {
        await using var server = await StaticFileServer.StartAsync();
        server.Serve("links.tar.gz", new TarGz().Directory("a/").Directory("a/b/").Link("deep", "a/b").Link("escape", "deep/../../..").Build());
        var action = new FetchTemplateAction(Fetchers.AllowingHost(server.BaseUrl));

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(action, Input(server.Url("links.tar.gz").AbsoluteUri)));

        Assert.Contains("symbolic link 'escape'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_that_is_not_an_archive_is_refused()
    {
        await using var server = await StaticFileServer.StartAsync();
        server.Serve("page.html", "<html></html>"u8.ToArray());
        var action = new FetchTemplateAction(Fetchers.AllowingHost(server.BaseUrl));

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(action, Input(server.Url("page.html").AbsoluteUri)));

        Assert.Contains("is not a .tar.gz archive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_a_host_not_allowed_is_not_followed()
    {
        await using var server = await StaticFileServer.StartAsync();
        server.Redirect("skeleton.tar.gz", new Uri("http://example.invalid/x.tar.gz"));
        var action = new FetchTemplateAction(Fetchers.AllowingHost(server.BaseUrl));

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(action, Input(server.Url("skeleton.tar.gz").AbsoluteUri)));

        Assert.Contains("redirects to example.invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_host_fails_fast_with_a_clear_message()
    {
        var url = new Uri($"http://127.0.0.1:{Unreachable.ClosedPort()}/skeleton.tar.gz");
        var action = new FetchTemplateAction(Fetchers.AllowingHost(url));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(action, Input(url.AbsoluteUri)));

        Assert.Contains($"could not read {url.AbsoluteUri}", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_host_that_never_answers_times_out_with_a_clear_message()
    {
        using var silent = new SilentServer();
        var url = new Uri($"http://127.0.0.1:{silent.Port}/skeleton.tar.gz");
        var action = new FetchTemplateAction(Fetchers.AllowingHost(url, o => o.DownloadTimeout = TimeSpan.FromMilliseconds(500)));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(action, Input(url.AbsoluteUri)));

        Assert.Contains("no answer within", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Cancellation_stops_the_fetch()
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "a");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _harness.RunAsync(_action, Input(), cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task Dry_run_renders_into_the_workspace_like_a_real_run()
    {
        _harness.WriteTemplateFile("skeleton/a.txt.sbn", "{{ values.name }}");

        await _harness.RunAsync(_action, Input(), dryRun: true);

        Assert.True(_action.SupportsDryRun);
        Assert.Equal("payments", _harness.ReadWorkspaceFile("a.txt"));
    }
}
