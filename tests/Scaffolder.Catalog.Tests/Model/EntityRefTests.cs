using Scaffolder.Catalog.Model;
using Scaffolder.Common.Errors;
using Xunit;

namespace Scaffolder.Catalog.Tests.Model;

public sealed class EntityRefTests
{
    [Theory]
    [InlineData("component:default/checkout", null, null, "component", "default", "checkout")]
    [InlineData("checkout", "Component", null, "Component", "default", "checkout")]
    [InlineData("team-a", "Group", "ops", "Group", "ops", "team-a")]
    [InlineData("group:team-a", null, "ops", "group", "ops", "team-a")]
    [InlineData("api:other/pets", "Component", "ops", "api", "other", "pets")]
    [InlineData("kind:ns/name/with/slashes", null, null, "kind", "ns", "name/with/slashes")]
    public void Parses_kind_namespace_and_name_with_defaults(string text, string? defaultKind, string? defaultNamespace, string kind, string ns, string name)
    {
        var parsed = EntityRef.Parse(text, defaultKind, defaultNamespace);

        Assert.Equal(new EntityRef(kind, ns, name), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("checkout")]
    [InlineData(":default/x")]
    [InlineData("component:/x")]
    [InlineData("component:default/")]
    public void Rejects_references_missing_a_part(string text)
    {
        Assert.Throws<InputError>(() => EntityRef.Parse(text));
    }

    [Fact]
    public void Canonical_form_is_lowercase()
    {
        Assert.Equal("component:default/checkout", new EntityRef("Component", "Default", "CheckOut").ToString());
    }

    [Fact]
    public void Matching_ignores_case()
    {
        Assert.True(new EntityRef("Component", "default", "A").Matches(new EntityRef("component", "DEFAULT", "a")));
        Assert.False(new EntityRef("Component", "default", "a").Matches(new EntityRef("component", "other", "a")));
    }
}
