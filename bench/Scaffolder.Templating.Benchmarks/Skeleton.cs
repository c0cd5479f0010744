namespace Scaffolder.Templating.Benchmarks;

/// <summary>The benchmark inputs: the service-overview skeleton in both languages, and a 300-line parse input.</summary>
public static class Skeleton
{
    public static string Scriban => Read("service-overview.md.sbn");

    public static string Handlebars => Read("service-overview.md.hbs");

    /// <summary>
    /// Exactly 300 lines of Scriban: the skeleton followed by whole sections of it again (each section
    /// closes its own blocks), padded with plain text.
    /// </summary>
    public static string ThreeHundredLines()
    {
        var lines = Scriban.Split('\n').ToList();
        var sections = SplitSections(lines);
        var result = new List<string>(lines);
        var index = 0;
        while (result.Count + sections[index % sections.Count].Count <= 300)
        {
            result.AddRange(sections[index % sections.Count]);
            index++;
        }

        while (result.Count < 300)
        {
            result.Add("Plain text line of the document.");
        }

        return string.Join('\n', result);
    }

    private static List<List<string>> SplitSections(List<string> lines)
    {
        var sections = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = [];
                sections.Add(current);
            }

            current?.Add(line);
        }

        return sections;
    }

    private static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Templates", name));
}
