using Scaffolder.Scaffolding.Actions.Skeletons;

namespace Scaffolder.Scaffolding.Tests.Actions.Skeletons;

public sealed class GlobTests
{
    [Theory]
    [InlineData(".github/workflows/*", ".github/workflows/ci.yml")]
    [InlineData(".github/workflows/", ".github/workflows/ci.yml")]
    [InlineData(".github/workflows", ".github/workflows/nested/deploy.yml")]
    [InlineData(".github/workflows/*.yml", ".github/workflows/ci.yml")]
    [InlineData("**/*.md", "README.md")]
    [InlineData("**/*.md", "docs/guide/intro.md")]
    [InlineData("docs/**", "docs/a/b/c.txt")]
    [InlineData("*", ".hidden")]
    [InlineData("src/**/test/*.cs", "src/test/A.cs")]
    [InlineData("src/**/test/*.cs", "src/x/y/test/A.cs")]
    [InlineData("file?.txt", "file1.txt")]
    [InlineData("file[0-9].txt", "file7.txt")]
    [InlineData("file[!0-9].txt", "fileA.txt")]
    [InlineData("*.{yml,yaml}", "values.yaml")]
    [InlineData("{charts,helm}/**", "helm/templates/deployment.yaml")]
    [InlineData("./README.md", "README.md")]
    [InlineData("a\\*b", "a*b")]
    [InlineData("{{ values.name }}/**", "{{ values.name }}/src/a.cs")]
    [InlineData("{a{b,c}}", "{ab}")]
    public void Pattern_covers_path(string pattern, string path) =>
        Assert.True(Glob.Parse(pattern).Covers(path));

    [Theory]
    [InlineData(".github/workflows/*", ".github/ci.yml")]
    [InlineData("*.md", "docs/README.md")]
    [InlineData("file?.txt", "file10.txt")]
    [InlineData("file[0-9].txt", "fileA.txt")]
    [InlineData("file[!0-9].txt", "file1.txt")]
    [InlineData("*.{yml,yaml}", "values.json")]
    [InlineData("docs", "docs-old/a.md")]
    [InlineData("a\\*b", "axb")]
    [InlineData("src/*", "src")]
    [InlineData("lib/*", "lib/sub/deep.js")]
    [InlineData("{charts,helm}", "helm/templates/deployment.yaml")]
    public void Pattern_does_not_cover_path(string pattern, string path) =>
        Assert.False(Glob.Parse(pattern).Covers(path));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("/etc/*", "absolute")]
    [InlineData("../outside/*", "'..'")]
    [InlineData("a/../../b", "'..'")]
    [InlineData("file[0-9.txt", "never closed")]
    [InlineData("*.{yml,yaml", "never closed")]
    [InlineData("a]b", "no matching '['")]
    [InlineData("a}b", "no matching '{'")]
    [InlineData("trailing\\", "lone")]
    public void Malformed_pattern_is_refused_with_the_reason(string pattern, string reason)
    {
        var error = Assert.Throws<GlobException>(() => Glob.Parse(pattern));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(pattern.Trim(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_exclusion_removes_paths_from_a_set()
    {
        var set = GlobSet.Parse([".github/**", "!.github/workflows/release.yml"], (_, e) => e);

        Assert.True(set.Matches(".github/workflows/ci.yml"));
        Assert.False(set.Matches(".github/workflows/release.yml"));
        Assert.False(set.Matches("src/Program.cs"));
    }

    [Fact]
    public void Set_reports_which_pattern_is_malformed()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GlobSet.Parse(["ok/*", "bad[", "also-ok"], (index, e) => new ArgumentException($"entry {index}: {e.Reason}")));

        Assert.Equal("entry 1: '[' at position 4 is never closed", error.Message);
    }

    [Fact]
    public void Pathological_pattern_matches_in_bounded_time()
    {
        var glob = Glob.Parse("**/**/**/**/**/**/**/**/*a*a*a*a*a*a*a*a*b");
        var path = string.Join('/', Enumerable.Repeat(new string('a', 30), 8));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            glob.Covers(path);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A timeout is an acceptable, bounded outcome.
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }
}
