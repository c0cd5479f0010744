using System.Text;
using Scaffolder.Testing;

namespace Scaffolder.Templating.Tests.Conformance;

/// <summary>
/// Scriban's own test data (outside this repository, under <c>shared/conformance/scriban</c>): where it
/// is, which cases it holds, and which ones we knowingly skip.
/// </summary>
public static class ScribanConformanceSuite
{
    /// <summary>Overrides the location of the <c>scriban</c> folder itself.</summary>
    public const string DirectoryVariable = "SCAFFOLDER_SCRIBAN_CONFORMANCE_DIR";

    public const string MissingSuiteCase = "<suite-missing>";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> SkippedCases = new(LoadSkipList);

    public static string Directory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } fromEnvironment
            ? Path.GetFullPath(fromEnvironment)
            : Path.Combine(RepositoryPaths.Shared, "conformance", "scriban");

    public static string CasesDirectory => Path.Combine(Directory, "cases");

    public static bool Exists => System.IO.Directory.Exists(CasesDirectory);

    public static string MissingMessage =>
        $"The Scriban conformance cases were not found at {CasesDirectory}. Set {DirectoryVariable} (or SCAFFOLDER_SHARED_DIR) to run them.";

    public static string SkipListPath => RepositoryPaths.InRepo("tests", "Scaffolder.Templating.Tests", "Conformance", "skipped-cases.txt");

    /// <summary>Case ids (paths relative to <c>cases/</c>, without <c>.txt</c>), per folder, sorted by file name.</summary>
    public static IReadOnlyList<string> CaseIds()
    {
        if (!Exists)
        {
            return [];
        }

        var ids = new List<string>();
        foreach (var folder in System.IO.Directory.GetDirectories(CasesDirectory, "*", SearchOption.AllDirectories).Prepend(CasesDirectory).OrderBy(f => f, StringComparer.Ordinal))
        {
            var inputs = System.IO.Directory.GetFiles(folder, "*.txt", SearchOption.TopDirectoryOnly)
                .Where(file => !file.EndsWith(".out.txt", StringComparison.Ordinal))
                .OrderBy(file => Path.GetFileName(file), StringComparer.Ordinal);
            foreach (var input in inputs)
            {
                var relative = Path.GetRelativePath(CasesDirectory, input).Replace('\\', '/');
                ids.Add(relative[..^".txt".Length]);
            }
        }

        return ids;
    }

    public static string InputPath(string caseId) => Path.Combine(CasesDirectory, caseId + ".txt");

    /// <summary><c>abc.txt</c> pairs with <c>abc.out.txt</c>.</summary>
    public static string ExpectedPath(string caseId) => Path.Combine(CasesDirectory, caseId + ".out.txt");

    /// <summary>Reads a case file as UTF-8 without a leading byte-order mark; no other normalisation.</summary>
    public static string Read(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>Skipped case id → the one-line reason given in the skip file.</summary>
    public static IReadOnlyDictionary<string, string> Skipped => SkippedCases.Value;

    private static IReadOnlyDictionary<string, string> LoadSkipList()
    {
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(SkipListPath))
        {
            return skipped;
        }

        foreach (var rawLine in File.ReadAllLines(SkipListPath))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var separator = line.IndexOf(' ', StringComparison.Ordinal);
            var id = separator < 0 ? line : line[..separator];
            var reason = separator < 0 ? string.Empty : line[(separator + 1)..].Trim();
            if (reason.Length == 0)
            {
                throw new InvalidOperationException($"{SkipListPath}: the skipped case `{id}` needs a one-line reason.");
            }

            skipped.Add(id, reason);
        }

        return skipped;
    }
}
