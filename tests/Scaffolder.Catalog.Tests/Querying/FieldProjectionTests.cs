using System.Text.Json.Nodes;
using Scaffolder.Catalog.Querying;
using Scaffolder.Common.Errors;
using Xunit;

namespace Scaffolder.Catalog.Tests.Querying;

public sealed class FieldProjectionTests
{
    private static readonly JsonObject Entity = JsonNode.Parse("""
        {"kind":"Component","metadata":{"name":"a","annotations":{"backstage.io/view-url":"u","a.b":{"c":1}},"tags":["x"]},"spec":{"type":"service"}}
        """)!.AsObject();

    [Fact]
    public void Keeps_the_listed_paths_from_comma_joined_and_repeated_values()
    {
        var projected = FieldProjection.Parse(["kind,metadata.name", "spec"])!.Apply(Entity);

        Assert.Equal("""{"kind":"Component","metadata":{"name":"a"},"spec":{"type":"service"}}""", projected.ToJsonString());
    }

    [Fact]
    public void Keys_containing_dots_resolve_greedily()
    {
        var projected = FieldProjection.Parse(["metadata.annotations.backstage.io/view-url", "metadata.annotations.a.b.c"])!.Apply(Entity);

        Assert.Equal("""{"metadata":{"annotations":{"backstage.io/view-url":"u","a.b":{"c":1}}}}""", projected.ToJsonString());
    }

    [Fact]
    public void Absent_paths_are_omitted()
    {
        Assert.Equal("{}", FieldProjection.Parse(["spec.owner"])!.Apply(Entity).ToJsonString());
    }

    [Fact]
    public void No_fields_means_no_projection_and_array_indexing_is_refused()
    {
        Assert.Null(FieldProjection.Parse([]));
        Assert.Null(FieldProjection.Parse([" , "]));
        Assert.Equal("Array type fields are not supported", Assert.Throws<InputError>(() => FieldProjection.Parse(["metadata.tags[0]"])).Message);
    }
}
