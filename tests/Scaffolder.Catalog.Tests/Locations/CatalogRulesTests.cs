using Scaffolder.Catalog.Locations;
using Xunit;

namespace Scaffolder.Catalog.Tests.Locations;

public sealed class CatalogRulesTests
{
    [Fact]
    public void No_rules_allow_everything()
    {
        Assert.True(CatalogRules.AllowAll.IsAllowed("Group", new LocationSpec("url", "https://x")));
    }

    [Fact]
    public void Rules_allow_listed_kinds_from_matching_locations_only()
    {
        var rules = new CatalogRules([
            new CatalogRule { Allow = ["Component", "API"] },
            new CatalogRule { Allow = ["Group"], Locations = [new CatalogRuleLocation { Type = "file", Pattern = "/org/**" }] },
            new CatalogRule { Allow = ["Template"], Locations = [new CatalogRuleLocation { Type = "url", Target = "https://x/t.yaml" }] },
        ]);

        Assert.True(rules.IsAllowed("component", new LocationSpec("url", "https://anything")));
        Assert.True(rules.IsAllowed("Group", new LocationSpec("file", "/org/teams/a.yaml")));
        Assert.False(rules.IsAllowed("Group", new LocationSpec("file", "/elsewhere/a.yaml")));
        Assert.True(rules.IsAllowed("Template", new LocationSpec("url", "https://x/t.yaml")));
        Assert.False(rules.IsAllowed("Template", new LocationSpec("url", "https://x/other.yaml")));
        Assert.False(rules.IsAllowed("User", new LocationSpec("url", "https://x")));
    }
}
