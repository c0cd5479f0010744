using System.Diagnostics;
using System.Text;
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
    public async Task Every_text_file_and_path_is_rendered_in_backstages_dialect_and_bare_braces_are_text()
    {
        _harness.WriteTemplateFile("skeleton/README.md", "# ${{ values.name }} by ${{ values.owner | upper }}\n{{ helm }} stays\n");
        _harness.WriteTemplateFile("skeleton/src/${{ values.name }}/index.js", "{% if values.owner %}owned{% endif %}{# note #}\n");

        await _harness.RunAsync(_action, Input());

        Assert.Equal(["README.md", "src/payments/index.js"], _harness.WorkspaceFiles());
        Assert.Equal("# payments by TEAM-A\n{{ helm }} stays\n", _harness.ReadWorkspaceFile("README.md"));
        Assert.Equal("owned\n", _harness.ReadWorkspaceFile("src/payments/index.js"));
    }

    [Fact]
    public async Task GitHub_Actions_expressions_render_as_in_backstage_escaped_kept_raw_kept_and_bare_ones_emptied()
    {
        _harness.WriteTemplateFile(
            "skeleton/.github/workflows/ci.yml",
            "a: ${{ '${{ secrets.TOKEN }}' }}\nb: {% raw %}${{ github.sha }}{% endraw %}\nc: ${{ github.head_ref }}\nd: {{ .Values.image }}\n");

        await _harness.RunAsync(_action, Input());

        Assert.Equal("a: ${{ secrets.TOKEN }}\nb: ${{ github.sha }}\nc: \nd: {{ .Values.image }}\n", _harness.ReadWorkspaceFile(".github/workflows/ci.yml"));
    }

    [Fact]
    public async Task Binary_files_are_copied_byte_for_byte_even_though_every_file_is_rendered()
    {
        byte[] binary = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x24, 0x7B, 0x7B, 0x20, 0x7D, 0x7D];
        Directory.CreateDirectory(Path.Combine(_harness.TemplateFolder, "skeleton", "assets"));
        await File.WriteAllBytesAsync(Path.Combine(_harness.TemplateFolder, "skeleton", "assets", "logo.png"), binary);

        await _harness.RunAsync(_action, Input());

        Assert.Equal(binary, await File.ReadAllBytesAsync(Path.Combine(_harness.Workspace, "assets", "logo.png")));
    }

    [Fact]
    public async Task A_byte_order_mark_is_kept_and_invalid_utf8_in_a_text_file_becomes_replacement_characters_as_node_reads_it()
    {
        var path = Path.Combine(_harness.TemplateFolder, "skeleton", "a.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. "${{ values.name }} caf"u8, 0xE9, .. "\n"u8]);

        await _harness.RunAsync(_action, Input());

        Assert.Equal([0xEF, 0xBB, 0xBF, .. "payments caf"u8, 0xEF, 0xBF, 0xBD, .. "\n"u8], await File.ReadAllBytesAsync(Path.Combine(_harness.Workspace, "a.txt")));
    }

    [Theory]
    [InlineData("${{ 'queue.yaml' if values.withQueue }}")]
    [InlineData("${{ 'docs' if values.withDocs }}/index.md")]
    [InlineData("deploy/${{ values.missing }}/service.yaml")]
    [InlineData("${{ values.missing }}")]
    public async Task Entries_whose_path_renders_empty_or_with_an_empty_segment_are_skipped(string path)
    {
        _harness.WriteTemplateFile("skeleton/" + path, "content");
        _harness.WriteTemplateFile("skeleton/kept.txt", "kept");

        await _harness.RunAsync(_action, Input(values: new JsonObject { ["withDocs"] = false, ["withQueue"] = false }));

        Assert.Equal(["kept.txt"], _harness.WorkspaceFiles());
        Assert.Contains(_harness.Log.Lines, l => l.Message.StartsWith("Skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_optional_file_is_written_when_its_condition_holds()
    {
        _harness.WriteTemplateFile("skeleton/${{ 'queue.yaml' if values.withQueue }}", "queue: ${{ values.name }}");

        await _harness.RunAsync(_action, Input(values: new JsonObject { ["withQueue"] = true, ["name"] = "orders" }));

        Assert.Equal("queue: orders", _harness.ReadWorkspaceFile("queue.yaml"));
    }

    [Fact]
    public async Task Values_may_be_nested_objects_and_lists()
    {
        _harness.WriteTemplateFile(
            "skeleton/list.txt",
            "{% for port in values.service.ports %}${{ port.name }}=${{ port.number }}{% if not loop.last %}\n{% endif %}{% endfor %}\n${{ values.tags | join(',') }}");
        var values = JsonNode.Parse("""{"service":{"ports":[{"name":"http","number":8080},{"name":"grpc","number":9090}]},"tags":["a","b"]}""")!.AsObject();

        await _harness.RunAsync(_action, Input(values: values));

        Assert.Equal("http=8080\ngrpc=9090\na,b", _harness.ReadWorkspaceFile("list.txt"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task File_modes_are_preserved()
    {
        var script = _harness.WriteTemplateFile("skeleton/build.sh", "#!/bin/sh\necho ${{ values.name }}\n");
        File.SetUnixFileMode(script, (UnixFileMode)0x1ED);
        var copied = _harness.WriteTemplateFile("skeleton/raw/run.sh", "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(copied, (UnixFileMode)0x1ED);
        var input = Input();
        input["copyWithoutTemplating"] = new JsonArray("raw");

        await _harness.RunAsync(_action, input);

        Assert.Equal("#!/bin/sh\necho payments\n", _harness.ReadWorkspaceFile("build.sh"));
        Assert.True(File.GetUnixFileMode(Path.Combine(_harness.Workspace, "build.sh")).HasFlag(UnixFileMode.UserExecute));
        Assert.True(File.GetUnixFileMode(Path.Combine(_harness.Workspace, "raw", "run.sh")).HasFlag(UnixFileMode.OtherExecute));
    }

    [Fact]
    public async Task Target_path_places_the_output_in_a_sub_folder()
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "${{ values.name }}");
        var input = Input();
        input["targetPath"] = "services/x/../payments";

        await _harness.RunAsync(_action, input);

        Assert.Equal(["services/payments/a.txt"], _harness.WorkspaceFiles());
    }

    [Fact]
    public async Task Copy_without_templating_renders_names_but_not_contents()
    {
        _harness.WriteTemplateFile("skeleton/${{ values.name }}/raw.txt", "${{ values.name }}");
        _harness.WriteTemplateFile("skeleton/rendered.txt", "${{ values.name }}");
        var input = Input();
        input["copyWithoutTemplating"] = new JsonArray("*/raw.txt");

        await _harness.RunAsync(_action, input);

        Assert.Equal(["payments/raw.txt", "rendered.txt"], _harness.WorkspaceFiles());
        Assert.Equal("${{ values.name }}", _harness.ReadWorkspaceFile("payments/raw.txt"));
        Assert.Equal("payments", _harness.ReadWorkspaceFile("rendered.txt"));
    }

    [Theory]
    [InlineData(".github/workflows/*")]
    [InlineData(".github/workflows/")]
    [InlineData(".github/workflows")]
    [InlineData(".github/workflows/*.yml")]
    [InlineData("**/*.yml")]
    public async Task Copy_globs_match_dot_folders_and_expand_folders_named_as_written(string pattern)
    {
        _harness.WriteTemplateFile("skeleton/.github/workflows/ci.yml", "sha: ${{ github.sha }}");
        _harness.WriteTemplateFile("skeleton/README.md", "${{ values.name }}");
        var input = Input();
        input["copyWithoutRender"] = new JsonArray(pattern);

        await _harness.RunAsync(_action, input);

        Assert.Equal("sha: ${{ github.sha }}", _harness.ReadWorkspaceFile(".github/workflows/ci.yml"));
        Assert.Equal("payments", _harness.ReadWorkspaceFile("README.md"));
    }

    [Fact]
    public async Task A_wildcard_matching_a_folder_does_not_cover_the_files_below_it_as_in_globby()
    {
        _harness.WriteTemplateFile("skeleton/lib/top.js", "${{ values.name }}");
        _harness.WriteTemplateFile("skeleton/lib/sub/deep.js", "${{ values.name }}");
        var input = Input();
        input["copyWithoutTemplating"] = new JsonArray("lib/*");

        await _harness.RunAsync(_action, input);

        Assert.Equal("${{ values.name }}", _harness.ReadWorkspaceFile("lib/top.js"));
        Assert.Equal("payments", _harness.ReadWorkspaceFile("lib/sub/deep.js"));
    }

    [Fact]
    public async Task Copy_without_render_keeps_names_and_contents_literal()
    {
        _harness.WriteTemplateFile("skeleton/${{ values.name }}/file.txt", "${{ values.name }}");
        var input = Input();
        input["copyWithoutRender"] = new JsonArray("*/file.txt");

        await _harness.RunAsync(_action, input);

        Assert.Equal(["${{ values.name }}/file.txt"], _harness.WorkspaceFiles());
        Assert.Equal("${{ values.name }}", _harness.ReadWorkspaceFile("${{ values.name }}/file.txt"));
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
        Assert.Contains("(step step-1)", error.Message, StringComparison.Ordinal);
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
        _harness.WriteTemplateFile("skeleton/a.txt", "new ${{ values.name }}");
        _harness.WriteWorkspaceFile("a.txt", "old");

        await _harness.RunAsync(_action, Input());
        Assert.Equal("old", _harness.ReadWorkspaceFile("a.txt"));
        Assert.Contains(_harness.Log.Lines, l => l.Message.Contains("Kept 1 files that already existed", StringComparison.Ordinal));

        var replacing = Input();
        replacing["replace"] = true;
        await _harness.RunAsync(_action, replacing);
        Assert.Equal("new payments", _harness.ReadWorkspaceFile("a.txt"));
    }

    [Theory]
    [InlineData(false, "first")]
    [InlineData(true, "second")]
    public async Task Two_entries_producing_one_file_keep_the_first_unless_replace_is_set(bool replace, string expected)
    {
        _harness.WriteTemplateFile("skeleton/${{ 'a' }}.txt", "first");
        _harness.WriteTemplateFile("skeleton/a.txt", "second");
        var input = Input();
        input["replace"] = replace;

        await _harness.RunAsync(_action, input);

        Assert.Equal(expected, _harness.ReadWorkspaceFile("a.txt"));
        Assert.Contains(_harness.Log.Lines, l => l.Message.StartsWith("Two entries produce one file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cookiecutter_compatibility_is_refused_naming_the_input()
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "${{ values.name }}");
        var input = Input();
        input["cookiecutterCompat"] = true;

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, input));

        Assert.Contains("input 'cookiecutterCompat' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, "a:\n  \n  x\n  \nb\n")]
    [InlineData(true, false, "a:\n    x\n  b\n")]
    [InlineData(true, true, "a:\n  x\nb\n")]
    public async Task Trim_blocks_and_lstrip_blocks_control_whitespace_around_tags_as_in_nunjucks(bool trimBlocks, bool lstripBlocks, string expected)
    {
        _harness.WriteTemplateFile("skeleton/a.yaml", "a:\n  {% if values.name %}\n  x\n  {% endif %}\nb\n");
        var input = Input();
        input["trimBlocks"] = trimBlocks;
        input["lstripBlocks"] = lstripBlocks;

        await _harness.RunAsync(_action, input);

        Assert.Equal(expected, _harness.ReadWorkspaceFile("a.yaml"));
    }

    [Fact]
    public async Task Whitespace_options_with_scriban_skeletons_are_refused()
    {
        _harness.WriteTemplateFile("skeleton/a.txt.sbn", "{{ values.name }}");
        var input = Input();
        input["templateFileExtension"] = ".sbn";
        input["trimBlocks"] = true;

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, input));

        Assert.Contains("input 'trimBlocks' applies to Nunjucks skeletons", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "a.txt.njk")]
    [InlineData("\".njk\"", "a.txt.njk")]
    [InlineData("\"njk\"", "a.txt.njk")]
    [InlineData("\".tpl\"", "a.txt.tpl")]
    public async Task A_template_file_extension_renders_only_matching_files_strips_it_and_still_renders_every_path(string extension, string templateName)
    {
        _harness.WriteTemplateFile("skeleton/${{ values.name }}/" + templateName, "${{ values.name }}");
        _harness.WriteTemplateFile("skeleton/${{ values.name }}/b.txt", "${{ values.name }}");
        var input = Input();
        input["templateFileExtension"] = JsonNode.Parse(extension);

        await _harness.RunAsync(_action, input);

        Assert.Equal(["payments/a.txt", "payments/b.txt"], _harness.WorkspaceFiles());
        Assert.Equal("payments", _harness.ReadWorkspaceFile("payments/a.txt"));
        Assert.Equal("${{ values.name }}", _harness.ReadWorkspaceFile("payments/b.txt"));
    }

    [Fact]
    public async Task Template_file_extension_sbn_renders_sbn_files_and_paths_with_scriban()
    {
        _harness.WriteTemplateFile("skeleton/src/{{ values.name }}/Program.cs.sbn", "// {{ values.name | string.upcase }}\n");
        _harness.WriteTemplateFile("skeleton/.github/workflows/ci.yml", "run: echo ${{ github.sha }}\n");
        var input = Input();
        input["templateFileExtension"] = ".sbn";

        await _harness.RunAsync(_action, input);

        Assert.Equal([".github/workflows/ci.yml", "src/payments/Program.cs"], _harness.WorkspaceFiles());
        Assert.Equal("// PAYMENTS\n", _harness.ReadWorkspaceFile("src/payments/Program.cs"));
        Assert.Equal("run: echo ${{ github.sha }}\n", _harness.ReadWorkspaceFile(".github/workflows/ci.yml"));
        Assert.Contains(_harness.Log.Lines, l => l.Message.Contains("rendered with Scriban", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("copyWithoutRender")]
    [InlineData("copyWithoutTemplating")]
    public async Task A_template_file_extension_with_a_copy_list_is_refused(string list)
    {
        _harness.WriteTemplateFile("skeleton/a.txt.njk", "${{ values.name }}");
        var input = Input();
        input["templateFileExtension"] = true;
        input[list] = new JsonArray("*.md");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, input));

        Assert.Contains("input 'templateFileExtension' cannot be combined with copyWithoutRender", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_names_the_file_line_column_and_step_and_nothing_is_written()
    {
        _harness.WriteTemplateFile("skeleton/a.txt", "fine");
        _harness.WriteTemplateFile("skeleton/broken/b.txt", "line one\n  {% if values.name %}never closed\n");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input()));

        Assert.Contains("fetch:template (step step-1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the file 'broken/b.txt' cannot be rendered (line ", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.WorkspaceFiles());
    }

    [Theory]
    [InlineData("a\nb ${{ values.missing.split('/')[1] }}", "(line 2, column ", "missing")]
    [InlineData("${{ values.name | no_such_filter }}", "(line 1, column ", "no_such_filter")]
    [InlineData("{% if values.name is frobnicated %}x{% endif %}", "(line 1, column ", "frobnicated")]
    [InlineData("x ${{ values.name ", "(line 1, column ", "")]
    public async Task A_render_error_names_the_file_line_and_column(string content, string where, string mention)
    {
        _harness.WriteTemplateFile("skeleton/app/config.yaml", content);

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input()));

        Assert.Contains("the file 'app/config.yaml' cannot be rendered " + where, error.Message, StringComparison.Ordinal);
        Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.WorkspaceFiles());
    }

    [Fact]
    public async Task A_path_that_cannot_be_rendered_is_named()
    {
        _harness.WriteTemplateFile("skeleton/${{ values.name.nope() }}.txt", "x");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input()));

        Assert.Contains("the path '${{ values.name.nope() }}.txt' cannot be rendered (line 1, column ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stray_comment_opener_in_a_rendered_file_is_an_error_as_in_backstage()
    {
        _harness.WriteTemplateFile("skeleton/a.sh", "echo {#\n");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, Input()));

        Assert.Contains("the file 'a.sh' cannot be rendered", error.Message, StringComparison.Ordinal);
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
        _harness.WriteTemplateFile("skeleton/${{ values.name }}/x.txt", "x");

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
    public async Task A_relative_url_outside_the_template_folder_is_read_when_it_lies_under_a_configured_root()
    {
        var shared = Directory.CreateDirectory(Path.Combine(_harness.Root, "skeletons", "catalog-info")).FullName;
        await File.WriteAllTextAsync(Path.Combine(shared, "catalog-info.yaml"), "name: ${{ values.name | dump }}\n");
        var action = new FetchTemplateAction(Fetchers.Create(new FetchOptions { FileRoots = [Path.Combine(_harness.Root, "skeletons")] }));

        await _harness.RunAsync(action, Input("../skeletons/catalog-info/"));

        Assert.Equal("name: \"payments\"\n", _harness.ReadWorkspaceFile("catalog-info.yaml"));
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
        await File.WriteAllTextAsync(Path.Combine(shared, "a.txt"), "${{ values.name }}");
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
        server.Serve("skeleton.tar.gz", new TarGz().Directory("repo-main/").File("repo-main/README.md", "# ${{ values.name }}").File("repo-main/ci.yml", "sha: {{ github.sha }}").Build());
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
        _harness.WriteTemplateFile("skeleton/a.txt", "${{ values.name }}");

        await _harness.RunAsync(_action, Input(), dryRun: true);

        Assert.True(_action.SupportsDryRun);
        Assert.Equal("payments", _harness.ReadWorkspaceFile("a.txt"));
    }
}
