using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Processing;
using Scaffolder.Catalog.Validation;
using Xunit;

namespace Scaffolder.Catalog.Tests.Processing;

public sealed class EntityProcessorTests
{
    private static JsonObject Component() => JsonNode.Parse("""
        {"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"c","uid":"forged","etag":"forged"},
         "spec":{"type":"service","lifecycle":"production","owner":"team"}}
        """)!.AsObject();

    [Fact]
    public void Fills_the_default_namespace_drops_server_fields_and_annotates_the_location()
    {
        var file = new LocationSpec("file", "/repo/catalog-info.yaml");
        var origin = new LocationSpec("file", "/repo/all.yaml");

        var outcome = EntityProcessor.Default.Process(Component(), new EntityOrigin(file, origin, "location:default/x"));

        Assert.True(outcome.Success);
        var metadata = outcome.Entity!.Entity["metadata"]!;
        Assert.Equal("default", metadata["namespace"]!.GetValue<string>());
        Assert.Null(metadata["uid"]);
        Assert.Null(metadata["etag"]);
        Assert.Equal("file:/repo/catalog-info.yaml", metadata["annotations"]![Annotations.ManagedByLocation]!.GetValue<string>());
        Assert.Equal("file:/repo/all.yaml", metadata["annotations"]![Annotations.ManagedByOriginLocation]!.GetValue<string>());
        Assert.Contains(outcome.Entity.Relations, r => r is { Type: "ownedBy", TargetRef: "group:default/team" });
    }

    [Fact]
    public void Url_locations_add_view_url_and_source_location_unless_the_author_set_them()
    {
        var url = new LocationSpec("url", "https://git.example.com/repo/blob/main/catalog-info.yaml");
        var entity = Component();
        entity["metadata"]!["annotations"] = new JsonObject { [Annotations.ViewUrl] = "https://mine" };

        var outcome = EntityProcessor.Default.Process(entity, new EntityOrigin(url, url, null));

        var annotations = outcome.Entity!.Entity["metadata"]!["annotations"]!;
        Assert.Equal("https://mine", annotations[Annotations.ViewUrl]!.GetValue<string>());
        Assert.Equal("url:https://git.example.com/repo/blob/main/", annotations[Annotations.SourceLocation]!.GetValue<string>());
    }

    [Fact]
    public void Does_not_modify_the_input()
    {
        var input = Component();
        var before = input.ToJsonString();

        EntityProcessor.Default.Process(input, null);

        Assert.Equal(before, input.ToJsonString());
    }

    [Fact]
    public void Reports_validation_problems_with_the_ref_when_it_is_known()
    {
        var entity = Component();
        entity["spec"]!.AsObject().Remove("owner");

        var outcome = EntityProcessor.Default.Process(entity, null);

        Assert.False(outcome.Success);
        Assert.Equal("component:default/c", outcome.Ref.ToString());
        Assert.Equal("InputError", outcome.Errors.Single().Name);
    }

    [Fact]
    public void Applies_catalog_rules_to_the_file_an_entity_was_read_from()
    {
        var processor = new EntityProcessor(EntityValidator.Default, new CatalogRules([new CatalogRule { Allow = ["API"] }]));
        var file = new LocationSpec("file", "/x.yaml");

        var outcome = processor.Process(Component(), new EntityOrigin(file, file, null));

        Assert.Contains("Entity of kind Component is not allowed from location file:/x.yaml", outcome.Errors.Single().Message, StringComparison.Ordinal);
        Assert.True(processor.Process(Component(), new EntityOrigin(file, file, null), applyRules: false).Success);
    }

    [Fact]
    public void Keys_differing_only_in_case_fail_processing_as_a_conflict()
    {
        var entity = Component();
        entity["metadata"]!["labels"] = new JsonObject { ["tier"] = "a", ["Tier"] = "b" };

        var outcome = EntityProcessor.Default.Process(entity, null);

        Assert.Equal("ConflictError", outcome.Errors.Single().Name);
    }
}
