namespace Scaffolder.Scaffolding.Actions.Skeletons;

/// <summary>
/// A list of glob patterns as globby reads one: a path is in the set when a pattern covers it and no
/// later exclusion (<c>!pattern</c>) does.
/// </summary>
public sealed class GlobSet
{
    private readonly IReadOnlyList<Glob> _globs;

    private GlobSet(IReadOnlyList<Glob> globs) => _globs = globs;

    public static GlobSet Empty { get; } = new([]);

    public bool IsEmpty => _globs.Count == 0;

    public IReadOnlyList<string> Patterns => _globs.Select(g => g.Pattern).ToList();

    /// <summary>Compiles every pattern; <paramref name="describe"/> names the failing one (e.g. <c>copyWithoutTemplating[2]</c>).</summary>
    public static GlobSet Parse(IReadOnlyList<string> patterns, Func<int, GlobException, Exception> describe)
    {
        var globs = new List<Glob>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                globs.Add(Glob.Parse(patterns[i]));
            }
            catch (GlobException e)
            {
                throw describe(i, e);
            }
        }

        return new GlobSet(globs);
    }

    public bool Matches(string relativePath)
    {
        var included = false;
        foreach (var glob in _globs)
        {
            if (glob.IsNegated == included && glob.Covers(relativePath))
            {
                included = !glob.IsNegated;
            }
        }

        return included;
    }
}
