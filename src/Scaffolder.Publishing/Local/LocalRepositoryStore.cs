using Scaffolder.Publishing.Git;

namespace Scaffolder.Publishing.Local;

/// <summary>Bare repositories kept under one root directory as <c>&lt;root&gt;/&lt;owner&gt;/&lt;name&gt;.git</c>.</summary>
public sealed class LocalRepositoryStore
{
    private readonly GitCli _git;

    public LocalRepositoryStore(string root, GitCli git)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _git = git;
    }

    public string Root { get; }

    /// <summary>The directory of <paramref name="owner"/>/<paramref name="name"/>, after validating both names.</summary>
    public string PathFor(string owner, string name)
    {
        LocalRepositoryName.Validate(owner, "owner");
        LocalRepositoryName.Validate(name, "name");
        var path = Path.GetFullPath(Path.Combine(Root, owner, name + ".git"));

        // Names are validated already; this guards the invariant itself.
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new PublishingInputException($"The repository {owner}/{name} would lie outside {Root}.");
        }

        foreach (var directory in new[] { Path.Combine(Root, owner), path })
        {
            if (new DirectoryInfo(directory).LinkTarget is not null)
            {
                throw new PublishingInputException($"'{directory}' is a symbolic link; local repositories must be real directories under {Root}.");
            }
        }

        return path;
    }

    /// <summary>The bare repository for owner/name, created (with <paramref name="defaultBranch"/> as HEAD) when missing.</summary>
    public async Task<GitRepository> EnsureAsync(string owner, string name, string defaultBranch, CancellationToken cancellationToken = default)
    {
        var path = PathFor(owner, name);
        var repository = GitRepository.Bare(path);
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            if (!LooksLikeBareRepository(path))
            {
                throw new PublishingInputException($"'{path}' already exists and is not a bare git repository; remove it or choose another name.");
            }

            return repository;
        }

        try
        {
            await _git.InitAsync(repository, defaultBranch, cancellationToken).ConfigureAwait(false);
        }
        catch (GitCommandException) when (LooksLikeBareRepository(path))
        {
            // Another publish created the same repository at the same moment; theirs is as good as ours.
        }

        return repository;
    }

    private static bool LooksLikeBareRepository(string path) =>
        File.Exists(Path.Combine(path, "HEAD")) && Directory.Exists(Path.Combine(path, "objects")) && Directory.Exists(Path.Combine(path, "refs"));
}
