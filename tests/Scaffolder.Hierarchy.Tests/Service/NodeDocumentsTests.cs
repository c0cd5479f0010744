using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Service;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Service;

public sealed class NodeDocumentsTests
{
    [Fact]
    public void A_draft_reads_every_field_and_nested_children_with_their_paths()
    {
        var draft = NodeDocuments.ParseDraft(JsonNode.Parse("""
            {"name":"acme","level":"account","owner":"team-a","title":"ACME","abstract":false,
             "tags":{"CostCenter":"1"},"config":{"cidr":{"v4":"10.0.0.0/8"}},"locked":{"tags":["CostCenter"]},
             "children":[{"name":"prod","children":[{"name":"net"}]}]}
            """));

        Assert.Equal("acme", draft.Name);
        Assert.Equal(NodeLevel.Account, draft.Level);
        Assert.False(draft.Abstract);
        Assert.Equal("1", draft.Tags["CostCenter"]);
        Assert.Equal("10.0.0.0/8", draft.Config["cidr"]["v4"]!.GetValue<string>());
        Assert.Equal(["CostCenter"], draft.Locked.Tags);
        Assert.Equal("node.children[0].children[0]", draft.Children[0].Children[0].Path);
    }

    [Theory]
    [InlineData("""{"level":"account"}""", "node.name is required")]
    [InlineData("""{"name":"a","level":"region"}""", "Invalid node.level \"region\": expected one of account, environment, network, platform, app")]
    [InlineData("""{"name":"a","tags":{"k":1}}""", "node.tags.k must be a string")]
    [InlineData("""{"name":"a","tags":["k"]}""", "node.tags must be an object of key/value pairs")]
    [InlineData("""{"name":"a","config":{"k":null}}""", "node.config.k must not be null; leave the key out instead")]
    [InlineData("""{"name":"a","locked":{"labels":[]}}""", "Unknown field \"labels\" in node.locked")]
    [InlineData("""{"name":"a","color":"red"}""", "Unknown field \"color\" in node")]
    [InlineData("""{"name":"a","children":[{"name":"b","parent":"x"}]}""", "node.children[0].parent must be left out")]
    public void Malformed_drafts_are_input_errors_naming_the_field(string json, string message)
    {
        var error = Assert.Throws<InputError>(() => NodeDocuments.ParseDraft(JsonNode.Parse(json)));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_distinguishes_absent_fields_from_nulls()
    {
        var patch = NodeDocuments.ParsePatch(JsonNode.Parse("""{"title":null,"tags":{"Old":null,"New":"v"}}""")!.AsObject());

        Assert.True(patch.Title.IsSet);
        Assert.Null(patch.Title.Value);
        Assert.False(patch.Description.IsSet);
        Assert.Null(patch.Tags!["Old"]);
        Assert.Equal("v", patch.Tags["New"]);
        Assert.Null(patch.Config);
    }

    [Theory]
    [InlineData("""{"name":"b"}""", "A node's name cannot be changed")]
    [InlineData("""{"level":"app"}""", "A node's level cannot be changed")]
    [InlineData("""{"parent":"x"}""", "A node's parent is changed by moving it")]
    public void A_patch_cannot_change_identity_or_place(string json, string message)
    {
        var error = Assert.Throws<InputError>(() => NodeDocuments.ParsePatch(JsonNode.Parse(json)!.AsObject()));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_estate_is_an_object_with_a_nodes_array()
    {
        Assert.Throws<InputError>(() => NodeDocuments.ParseEstate(JsonNode.Parse("[]")));
        Assert.Throws<InputError>(() => NodeDocuments.ParseEstate(JsonNode.Parse("""{"nodes":[],"extra":1}""")));
        Assert.Equal("nodes[1]", NodeDocuments.ParseEstate(JsonNode.Parse("""{"nodes":[{"name":"a"},{"name":"b"}]}"""))[1].Path);
    }
}
