using System.Text.Json.Nodes;
using Scaffolder.Testing;

namespace Scaffolder.JsonSchema.Tests.Conformance;

/// <summary>One test of the official JSON-Schema-Test-Suite.</summary>
public sealed record SuiteTest(string File, int GroupIndex, string Group, int TestIndex, string Test, JsonNode? Schema, JsonNode? Data, bool Valid)
{
    public string Id => $"{File} #{GroupIndex}.{TestIndex}: {Group} / {Test}";
}

/// <summary>
/// The draft-04 tests of the npm package <c>json-schema-test-suite</c> (installed with tests/node),
/// minus the entries of the checked-in skip list.
/// </summary>
public static class OfficialTestSuite
{
    private static readonly Lazy<IReadOnlyList<SuiteTest>> AllTests = new(LoadAll);
    private static readonly Lazy<IReadOnlyList<SkipEntry>> SkipEntries = new(LoadSkipList);

    public static IReadOnlyList<SuiteTest> All => AllTests.Value;

    public static IReadOnlyList<SkipEntry> Skips => SkipEntries.Value;

    public static IEnumerable<SuiteTest> Runnable => All.Where(t => !Skips.Any(s => s.Matches(t)));

    public static SuiteTest Find(string id) => All.Single(t => t.Id == id);

    private static IReadOnlyList<SuiteTest> LoadAll()
    {
        var modules = NodeDependencies.EnsureInstalledAsync().GetAwaiter().GetResult();
        var testsRoot = Path.Combine(modules, "json-schema-test-suite", "tests");
        var draftDirectory = Path.Combine(testsRoot, "draft4");
        if (!Directory.Exists(draftDirectory))
        {
            throw new InvalidOperationException($"The JSON-Schema-Test-Suite is not where expected: {draftDirectory}");
        }

        var tests = new List<SuiteTest>();
        foreach (var path in Directory.EnumerateFiles(draftDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(testsRoot, path).Replace('\\', '/');
            var groups = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g]!;
                var cases = group["tests"]!.AsArray();
                for (var t = 0; t < cases.Count; t++)
                {
                    var test = cases[t]!;
                    tests.Add(new SuiteTest(
                        file, g, (string)group["description"]!, t, (string)test["description"]!,
                        group["schema"], test["data"], (bool)test["valid"]!));
                }
            }
        }

        return tests;
    }

    private static IReadOnlyList<SkipEntry> LoadSkipList()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Conformance", "skipped-tests.txt");
        return File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(SkipEntry.Parse)
            .ToList();
    }
}

/// <summary>A line of skipped-tests.txt: <c>file | group | test | reason</c>, with <c>*</c> matching anything.</summary>
public sealed record SkipEntry(string File, string Group, string Test, string Reason)
{
    public static SkipEntry Parse(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length != 4 || parts.Any(p => p.Length == 0))
        {
            throw new FormatException($"A skip entry needs 'file | group | test | reason': {line}");
        }

        return new SkipEntry(parts[0], parts[1], parts[2], parts[3]);
    }

    public bool Matches(SuiteTest test) =>
        test.File == File && (Group == "*" || test.Group == Group) && (Test == "*" || test.Test == Test);

    public override string ToString() => $"{File} | {Group} | {Test}";
}
