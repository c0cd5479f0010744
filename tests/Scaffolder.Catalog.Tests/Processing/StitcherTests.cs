using System.Text.Json.Nodes;
using Scaffolder.Catalog.Processing;
using Scaffolder.Storage.Catalog;
using Xunit;

namespace Scaffolder.Catalog.Tests.Processing;

public sealed class StitcherTests
{
    private const string Processed = """{"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team","namespace":"default"},"spec":{"type":"team","children":[]}}""";

    [Fact]
    public void Adds_uid_etag_sorted_distinct_relations_and_status()
    {
        var errors = ProcessingError.ToJson([ProcessingError.Input("broken")]);
        var input = new StitchInput(1, "group:default/team", "uid-1", string.Empty, Processed, errors,
        [
            new StoredRelation("group:default/team", "ownerOf", "component:default/b"),
            new StoredRelation("group:default/team", "ownerOf", "component:default/a"),
            new StoredRelation("group:default/team", "ownerOf", "component:default/a"),
            new StoredRelation("group:default/team", "hasMember", "user:default/z"),
        ]);

        var stitched = Stitcher.Stitch(input);
        var entity = JsonNode.Parse(stitched.FinalJson)!;

        Assert.Equal("uid-1", entity["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal(stitched.Etag, entity["metadata"]!["etag"]!.GetValue<string>());
        Assert.Equal(
            ["hasMember user:default/z", "ownerOf component:default/a", "ownerOf component:default/b"],
            entity["relations"]!.AsArray().Select(r => $"{r!["type"]} {r["targetRef"]}"));
        Assert.Equal("""{"kind":"component","namespace":"default","name":"a"}""", entity["relations"]![1]!["target"]!.ToJsonString());
        Assert.Equal("InputError: broken", entity["status"]!["items"]![0]!["message"]!.GetValue<string>());
        Assert.Contains(stitched.Search, r => r is { Key: "relations.ownerof", Value: "component:default/a" });
    }

    [Fact]
    public void The_etag_changes_exactly_when_the_content_does()
    {
        var input = new StitchInput(1, "group:default/team", "uid-1", string.Empty, Processed, null, []);
        var same = Stitcher.Stitch(input).Etag;

        Assert.Equal(same, Stitcher.Stitch(input).Etag);
        Assert.NotEqual(same, Stitcher.Stitch(input with { Relations = [new StoredRelation("group:default/team", "ownerOf", "component:default/a")] }).Etag);
        Assert.NotEqual(same, Stitcher.Stitch(input with { ErrorsJson = ProcessingError.ToJson([ProcessingError.Input("x")]) }).Etag);
    }
}
