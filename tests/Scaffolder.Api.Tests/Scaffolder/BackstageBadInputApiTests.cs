using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Catalog.Ingestion;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>
/// Backstage templates with mistakes, run through <c>POST /v2/dry-run</c>: the run fails with an event that
/// names the step and, for templating errors, the file, line and column; never a 500 or a hang.
/// </summary>
public sealed class BackstageBadInputApiTests(BackstageCorpusHost fixture) : IClassFixture<BackstageCorpusHost>
{
    private const string FetchStep = """
        - id: fetch
          name: Fetch skeleton
          action: fetch:template
          input:
            url: ./skeleton
            values:
              name: ${{ parameters.name }}
        """;

    [Theory]
    [InlineData("README.md", "# title\n{% if values.name %}never closed\n", "the file 'README.md' cannot be rendered (line ", "")]
    [InlineData("config.yaml", "a: 1\nb: ${{ values.name | frobnicate }}\n", "the file 'config.yaml' cannot be rendered (line 2, column ", "frobnicate")]
    [InlineData("ci.yml", "{% if values.name is frobnicated %}x{% endif %}", "the file 'ci.yml' cannot be rendered (line 1, column ", "frobnicated")]
    [InlineData("deploy/values.yaml", "x\ny\ncluster: ${{ values.targetCluster.split('/')[1] }}\n", "the file 'deploy/values.yaml' cannot be rendered (line 3, column ", "targetCluster")]
    [InlineData("${{ values.name | frobnicate }}.txt", "x", "the path '${{ values.name | frobnicate }}.txt' cannot be rendered (line 1, column ", "frobnicate")]
    [InlineData("stray.sh", "echo {#\n", "the file 'stray.sh' cannot be rendered (line ", "")]
    public async Task A_skeleton_that_cannot_be_rendered_fails_the_step_naming_file_line_and_column(string file, string content, string where, string mention)
    {
        var result = await DryRunAsync(FetchStep, ("skeleton/" + file, content));

        var failure = FailedStep(result);
        Assert.Equal("fetch", failure["stepId"]!.GetValue<string>());
        var message = failure["message"]!.GetValue<string>();
        Assert.StartsWith("InputError: fetch:template (step fetch): the skeleton at ./skeleton cannot be rendered with Nunjucks", message, StringComparison.Ordinal);
        Assert.Contains(where, message, StringComparison.Ordinal);
        Assert.Contains(mention, message, StringComparison.Ordinal);
        Assert.Equal(message["InputError: ".Length..], result["error"]!["message"]!.GetValue<string>());
        Assert.Empty(result["directoryContents"]!.AsArray());
    }

    [Theory]
    [InlineData("copyWithoutRender: ['src/[abc']", "input 'copyWithoutRender[0]' is not a usable glob")]
    [InlineData("copyWithoutRender: ['a']\n    copyWithoutTemplating: ['b']", "copyWithoutRender and copyWithoutTemplating can not be used at the same time")]
    [InlineData("targetPath: ../../outside", "input 'targetPath' is not usable")]
    [InlineData("templateFileExtension: true\n    copyWithoutTemplating: ['b']", "input 'templateFileExtension' cannot be combined with copyWithoutRender")]
    public async Task Bad_fetch_template_input_fails_the_step_with_a_clear_message(string extraInput, string mention)
    {
        var step = $"""
            - id: fetch
              action: fetch:template
              input:
                url: ./skeleton
                {extraInput}
            """;

        var result = await DryRunAsync(step, ("skeleton/a.txt", "a"));

        var failure = FailedStep(result);
        Assert.Equal("fetch", failure["stepId"]!.GetValue<string>());
        Assert.Contains(mention, failure["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fixture.Host.App.Root, "outside")));
    }

    [Theory]
    [InlineData("${{ parameters.name | frobnicate }}", "input.values.name (line 1, column 23): filter not found: frobnicate")]
    [InlineData("x-${{ parameters.name.nope() }}", "input.values.name (line 1, column ")]
    [InlineData("${{ parameters.name ", "input.values.name (line 1, column ")]
    [InlineData("{% if parameters.name %}never closed", "input.values.name (line 1, column ")]
    public async Task A_template_yaml_expression_that_fails_names_the_step_the_field_and_the_position(string expression, string where)
    {
        var step = $"""
            - id: fetch
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  name: "{expression}"
            """;

        var result = await DryRunAsync(step, ("skeleton/a.txt", "a"));

        var failure = FailedStep(result);
        Assert.Equal("fetch", failure["stepId"]!.GetValue<string>());
        var message = failure["message"]!.GetValue<string>();
        Assert.StartsWith("InputError: Failed to render step fetch of template.yaml: ", message, StringComparison.Ordinal);
        Assert.Contains(where, message, StringComparison.Ordinal);
    }

    private async Task<JsonObject> DryRunAsync(string steps, params (string Path, string Content)[] files)
    {
        var yaml = $"""
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: bad-input
            spec:
              type: service
              parameters:
                - properties:
                    name:
                      type: string
              steps:
            {Indent(steps, "    ")}
            """;
        var request = new JsonObject
        {
            ["template"] = YamlDocuments.Parse(yaml).Single().Value!.DeepClone(),
            ["values"] = new JsonObject { ["name"] = "orders" },
            ["directoryContents"] = new JsonArray(files.Select(f => (JsonNode?)new JsonObject
            {
                ["path"] = f.Path,
                ["base64Content"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(f.Content)),
            }).ToArray()),
        };

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await fixture.Host.Client.PostAsync(
            "/api/scaffolder/v2/dry-run",
            new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"),
            timeout.Token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static JsonNode FailedStep(JsonObject result)
    {
        Assert.NotNull(result["error"]);
        return result["log"]!.AsArray().Select(l => l!["body"]!).Single(b => b["status"]?.GetValue<string>() == "failed");
    }

    private static string Indent(string text, string prefix) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : prefix + line));
}
