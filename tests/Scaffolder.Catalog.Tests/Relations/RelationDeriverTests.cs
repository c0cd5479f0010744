using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Relations;
using Xunit;

namespace Scaffolder.Catalog.Tests.Relations;

public sealed class RelationDeriverTests
{
    [Fact]
    public void Component_fields_give_forward_and_reverse_relations_with_default_kinds_and_namespace()
    {
        var entity = JsonNode.Parse("""
            {"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"c","namespace":"ops"},
             "spec":{"type":"service","lifecycle":"p","owner":"team","system":"sys","subcomponentOf":"parent",
                     "providesApis":["api-a"],"consumesApis":["default/api-b"],"dependsOn":["resource:db"],"dependencyOf":["component:x"]}}
            """)!.AsObject();

        var result = RelationDeriver.Derive(entity, BuiltinKinds.Component);

        Assert.Empty(result.Errors);
        var relations = result.Relations.Select(r => $"{r.SourceRef} {r.Type} {r.TargetRef}").ToHashSet();
        Assert.Contains("component:ops/c ownedBy group:ops/team", relations);
        Assert.Contains("group:ops/team ownerOf component:ops/c", relations);
        Assert.Contains("component:ops/c partOf system:ops/sys", relations);
        Assert.Contains("component:ops/c partOf component:ops/parent", relations);
        Assert.Contains("api:ops/api-a apiProvidedBy component:ops/c", relations);
        Assert.Contains("component:ops/c consumesApi api:default/api-b", relations);
        Assert.Contains("resource:ops/db dependencyOf component:ops/c", relations);
        Assert.Contains("component:ops/c dependencyOf component:ops/x", relations);
        Assert.Contains("component:ops/x dependsOn component:ops/c", relations);
    }

    [Fact]
    public void Group_and_user_membership_relations_pair_up()
    {
        var group = JsonNode.Parse("""{"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"g"},"spec":{"type":"team","parent":"root","children":["child"],"members":["jane"]}}""")!.AsObject();
        var user = JsonNode.Parse("""{"apiVersion":"backstage.io/v1alpha1","kind":"User","metadata":{"name":"jane"},"spec":{"memberOf":["g"]}}""")!.AsObject();

        var groupRelations = RelationDeriver.Derive(group, BuiltinKinds.Group).Relations.Select(r => $"{r.SourceRef} {r.Type} {r.TargetRef}").ToList();
        var userRelations = RelationDeriver.Derive(user, BuiltinKinds.User).Relations.Select(r => $"{r.SourceRef} {r.Type} {r.TargetRef}").ToList();

        Assert.Contains("group:default/g childOf group:default/root", groupRelations);
        Assert.Contains("group:default/root parentOf group:default/g", groupRelations);
        Assert.Contains("group:default/g parentOf group:default/child", groupRelations);
        Assert.Contains("group:default/g hasMember user:default/jane", groupRelations);
        Assert.Contains("user:default/jane memberOf group:default/g", userRelations);
        Assert.Contains("group:default/g hasMember user:default/jane", userRelations);
    }

    [Fact]
    public void System_and_domain_fields_relate_to_their_parents()
    {
        var system = JsonNode.Parse("""{"apiVersion":"backstage.io/v1alpha1","kind":"System","metadata":{"name":"s"},"spec":{"owner":"o","domain":"d"}}""")!.AsObject();
        var domain = JsonNode.Parse("""{"apiVersion":"backstage.io/v1alpha1","kind":"Domain","metadata":{"name":"d"},"spec":{"owner":"o","subdomainOf":"top"}}""")!.AsObject();

        Assert.Contains(RelationDeriver.Derive(system, BuiltinKinds.System).Relations, r => r is { Type: "partOf", TargetRef: "domain:default/d" });
        Assert.Contains(RelationDeriver.Derive(domain, BuiltinKinds.Domain).Relations, r => r is { Type: "partOf", TargetRef: "domain:default/top" });
    }

    [Fact]
    public void Depends_on_without_a_kind_is_an_error()
    {
        var entity = JsonNode.Parse("""{"apiVersion":"backstage.io/v1alpha1","kind":"Resource","metadata":{"name":"r"},"spec":{"type":"db","owner":"o","dependsOn":["no-kind"]}}""")!.AsObject();

        var result = RelationDeriver.Derive(entity, BuiltinKinds.Resource);

        Assert.Single(result.Errors);
        Assert.StartsWith("spec.dependsOn:", result.Errors[0], StringComparison.Ordinal);
    }
}
