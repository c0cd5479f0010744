using Scaffolder.JsonSchema.Tests.Support;

namespace Scaffolder.JsonSchema.Tests.Conformance;

public sealed class OfficialTestSuiteTests
{
    public static TheoryData<string> RunnableTests => [.. OfficialTestSuite.Runnable.Select(t => t.Id)];

    [Theory]
    [MemberData(nameof(RunnableTests))]
    public void Draft4_suite_test_gives_the_expected_verdict(string id)
    {
        var test = OfficialTestSuite.Find(id);

        var errors = JsonSchema.Compile(test.Schema).Validate(test.Data);

        Assert.True(
            test.Valid == (errors.Count == 0),
            $"expected {(test.Valid ? "valid" : "invalid")}; errors: [{string.Join("; ", errors)}]\nschema: {Json.Text(test.Schema)}\ndata: {Json.Text(test.Data)}");
    }

    [Fact]
    public void Every_skip_entry_matches_tests_in_the_suite()
    {
        var stale = OfficialTestSuite.Skips.Where(s => !OfficialTestSuite.All.Any(s.Matches)).ToList();

        Assert.True(stale.Count == 0, "skip entries matching nothing: " + string.Join(", ", stale));
    }

    [Fact]
    public void Suite_covers_every_draft4_keyword_file_and_skips_only_a_few_tests()
    {
        var files = OfficialTestSuite.All.Select(t => t.File).Distinct().ToList();
        var skipped = OfficialTestSuite.All.Count - OfficialTestSuite.Runnable.Count();

        Assert.Contains("draft4/type.json", files);
        Assert.Contains("draft4/ref.json", files);
        Assert.Contains("draft4/optional/format.json", files);
        Assert.InRange(skipped, 1, 20);
    }
}
