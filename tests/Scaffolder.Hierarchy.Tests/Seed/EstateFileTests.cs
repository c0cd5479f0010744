using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Seed;
using Scaffolder.Hierarchy.Service;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Seed;

public sealed class EstateFileTests
{
    [Fact]
    public async Task The_shipped_estate_has_one_account_two_environments_networks_a_kubernetes_platform_and_two_apps()
    {
        var drafts = await EstateFile.ReadAsync(EstateFile.DefaultPath);

        var all = Flatten(drafts).ToList();
        Assert.Single(drafts);
        Assert.Equal(1, all.Count(d => d.Level == NodeLevel.Account));
        Assert.Equal(2, all.Count(d => d.Level == NodeLevel.Environment));
        Assert.True(all.Count(d => d.Level == NodeLevel.Network) >= 2);
        Assert.Contains(all, d => d.Level == NodeLevel.Platform && d.Tags.GetValueOrDefault("Platform") == "kubernetes");
        Assert.Equal(2, all.Count(d => d.Level == NodeLevel.App));
    }

    [Fact]
    public void Yaml_syntax_errors_are_input_errors()
    {
        var error = Assert.Throws<InputError>(() => EstateFile.Parse("nodes: [\n  - name: a"));

        Assert.StartsWith("The estate is not valid YAML or JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_read_like_yaml()
    {
        Assert.Equal("a", EstateFile.Parse("""{"nodes":[{"name":"a","owner":"t"}]}""")[0].Name);
    }

    private static IEnumerable<NodeDraft> Flatten(IEnumerable<NodeDraft> drafts) =>
        drafts.SelectMany(d => Flatten(d.Children).Prepend(d));
}
