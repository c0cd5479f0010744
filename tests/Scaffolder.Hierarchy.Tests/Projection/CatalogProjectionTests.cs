using System.Text.Json.Nodes;
using Scaffolder.Catalog.Processing;
using Scaffolder.Hierarchy.Inheritance;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Projection;
using Xunit;
using static Scaffolder.Hierarchy.Tests.Infrastructure.Nodes;

namespace Scaffolder.Hierarchy.Tests.Projection;

public sealed class CatalogProjectionTests
{
    private static readonly HierarchyNode Account = Node(
        "acme", NodeLevel.Account, owner: "group:default/platform", title: "ACME",
        tags: Tags(("CostCenter", "1042"), ("cost center", "with space"), ("Owner", "Jane Doe"), ("app.kubernetes.io/part-of", "shop")));

    private static readonly HierarchyNode Environment = Node("prod", NodeLevel.Environment, Account);
    private static readonly HierarchyNode Network = Node("net", NodeLevel.Network, Environment);
    private static readonly HierarchyNode Platform = Node("k8s", NodeLevel.Platform, Network, state: NodeState.Provisioned);

    [Fact]
    public void Upper_levels_are_resources_typed_by_level_that_depend_on_their_parent()
    {
        var entity = Project(Platform, Account, Environment, Network);

        Assert.Equal("Resource", entity["kind"]!.GetValue<string>());
        Assert.Equal("platform", entity["spec"]!["type"]!.GetValue<string>());
        Assert.Equal("group:default/platform", entity["spec"]!["owner"]!.GetValue<string>());
        Assert.Equal(["resource:default/net"], entity["spec"]!["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("provisioned", Annotation(entity, CatalogProjection.StateAnnotation));
        Assert.Equal("platform", Annotation(entity, CatalogProjection.LevelAnnotation));
        Assert.Equal("1", Annotation(entity, CatalogProjection.RevisionAnnotation));
        Assert.Equal("false", Annotation(entity, CatalogProjection.AbstractAnnotation));
    }

    [Fact]
    public void An_account_has_no_dependency_and_keeps_its_title()
    {
        var entity = Project(Account);

        Assert.Null(entity["spec"]!["dependsOn"]);
        Assert.Equal("ACME", entity["metadata"]!["title"]!.GetValue<string>());
        Assert.Equal("true", Annotation(entity, CatalogProjection.AbstractAnnotation));
    }

    [Fact]
    public void Apps_are_components_on_their_platform_with_a_lifecycle_from_their_state()
    {
        var app = Node("shop", NodeLevel.App, Platform, state: NodeState.Provisioned, config: Config(("componentType", "website")));

        var entity = Project(app, Account, Environment, Network, Platform);

        Assert.Equal("Component", entity["kind"]!.GetValue<string>());
        Assert.Equal("website", entity["spec"]!["type"]!.GetValue<string>());
        Assert.Equal("production", entity["spec"]!["lifecycle"]!.GetValue<string>());
        Assert.Equal(["resource:default/k8s"], entity["spec"]!["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Theory]
    [InlineData(NodeState.Created, "experimental")]
    [InlineData(NodeState.Planned, "experimental")]
    [InlineData(NodeState.Provisioned, "production")]
    [InlineData(NodeState.Updated, "production")]
    [InlineData(NodeState.Destroyed, "deprecated")]
    public void App_lifecycle_follows_the_node_state(NodeState state, string lifecycle)
    {
        Assert.Equal(lifecycle, CatalogProjection.Lifecycle(state));
    }

    [Fact]
    public void Apps_without_a_component_type_are_services()
    {
        var entity = Project(Node("api", NodeLevel.App, Platform), Account, Environment, Network, Platform);

        Assert.Equal("service", entity["spec"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Tags_that_fit_label_rules_are_labels_and_the_rest_annotations()
    {
        var entity = Project(Account);

        var labels = entity["metadata"]!["labels"]!.AsObject();
        Assert.Equal("1042", labels["CostCenter"]!.GetValue<string>());
        Assert.Equal("shop", labels["app.kubernetes.io/part-of"]!.GetValue<string>());
        Assert.False(labels.ContainsKey("Owner"));
        Assert.Equal("Jane Doe", Annotation(entity, "hierarchy.scaffolder.io/tag.Owner"));
        Assert.Equal("""{"cost center":"with space"}""", Annotation(entity, CatalogProjection.OtherTagsAnnotation));
    }

    [Fact]
    public void Projected_entities_pass_the_catalogs_own_validation()
    {
        var app = Node("shop", NodeLevel.App, Platform);
        foreach (var (node, chain) in new[]
                 {
                     (Account, Array.Empty<HierarchyNode>()), (Environment, [Account]), (Network, [Account, Environment]),
                     (Platform, [Account, Environment, Network]), (app, [Account, Environment, Network, Platform]),
                 })
        {
            var outcome = EntityProcessor.Default.Process(Project(node, chain), null);

            Assert.True(outcome.Success, string.Join("; ", outcome.Errors.Select(e => e.Message)));
        }
    }

    private static JsonObject Project(HierarchyNode node, params HierarchyNode[] ancestors) =>
        CatalogProjection.Entity(node, EffectiveValues.Of([.. ancestors, node]), ancestors.Length > 0 ? ancestors[^1] : null);

    private static string? Annotation(JsonObject entity, string key) => entity["metadata"]!["annotations"]![key]?.GetValue<string>();
}
