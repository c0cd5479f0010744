using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class CatalogWriteActionTests : IDisposable
{
    private readonly ActionHarness _harness = new();
    private readonly CatalogWriteAction _action = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Entity_is_written_as_yaml_that_reads_back_as_the_same_json()
    {
        var entity = JsonNode.Parse("""
            {
              "apiVersion": "backstage.io/v1alpha1",
              "kind": "Component",
              "metadata": {
                "name": "payments",
                "description": "Takes: payments # and more",
                "annotations": { "backstage.io/source-location": "url:file:///srv/repos/a.git/-/blob/main/" },
                "labels": { "enabled": "true", "version": "1.0", "empty": "", "nothing": "null", "yes": "yes", "octal": "0755" },
                "tags": ["a", "b"]
              },
              "spec": { "type": "service", "lifecycle": "experimental", "owner": "group:default/team-a", "replicas": 3, "ratio": 0.5, "public": false, "extra": null, "multiline": "line 1\nline 2\n" }
            }
            """)!.AsObject();

        await _harness.RunAsync(_action, new JsonObject { ["entity"] = entity.DeepClone() });

        var written = _harness.ReadWorkspaceFile("catalog-info.yaml");
        Assert.StartsWith("apiVersion: backstage.io/v1alpha1\nkind: Component\n", written, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(entity, ActionHarness.Yaml(written)), written);
    }

    [Fact]
    public async Task File_path_chooses_where_the_descriptor_goes()
    {
        await _harness.RunAsync(_action, new JsonObject { ["filePath"] = "services/payments/catalog-info.yaml", ["entity"] = new JsonObject { ["kind"] = "Component" } });

        Assert.Equal("kind: Component\n", _harness.ReadWorkspaceFile("services/payments/catalog-info.yaml"));
    }

    [Theory]
    [InlineData("../catalog-info.yaml", "outside the workspace")]
    [InlineData("/tmp/catalog-info.yaml", "not absolute")]
    public async Task A_file_path_outside_the_workspace_is_refused(string filePath, string message)
    {
        var error = await Assert.ThrowsAsync<InputError>(() =>
            _harness.RunAsync(_action, new JsonObject { ["filePath"] = filePath, ["entity"] = new JsonObject() }));

        Assert.Contains("catalog:write: input 'filePath'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_entity_is_refused_by_name()
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunUncheckedAsync(_action, []));

        Assert.Equal("catalog:write: input 'entity' is required and must be an object", error.Message);
    }
}
