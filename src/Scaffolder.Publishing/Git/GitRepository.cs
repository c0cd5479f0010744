namespace Scaffolder.Publishing.Git;

/// <summary>
/// Where a repository lives: its git directory and, unless bare, its work tree. Both are always passed
/// to git explicitly, so git never goes looking for a repository in a parent directory and never
/// reads a <c>.git</c> folder found in a work tree it did not create.
/// </summary>
public sealed record GitRepository
{
    private GitRepository(string gitDirectory, string? workTree)
    {
        GitDirectory = Path.GetFullPath(gitDirectory);
        WorkTree = workTree is null ? null : Path.GetFullPath(workTree);
    }

    public string GitDirectory { get; }

    public string? WorkTree { get; }

    public bool IsBare => WorkTree is null;

    /// <summary>The usual layout: <c>&lt;workTree&gt;/.git</c>.</summary>
    public static GitRepository AtWorkTree(string workTree) => new(Path.Combine(workTree, ".git"), workTree);

    /// <summary>A git directory kept apart from the files it tracks.</summary>
    public static GitRepository Separate(string gitDirectory, string workTree) => new(gitDirectory, workTree);

    public static GitRepository Bare(string gitDirectory) => new(gitDirectory, null);

    internal IEnumerable<string> LocationArguments()
    {
        yield return $"--git-dir={GitDirectory}";
        if (WorkTree is not null)
        {
            yield return $"--work-tree={WorkTree}";
        }
    }
}
