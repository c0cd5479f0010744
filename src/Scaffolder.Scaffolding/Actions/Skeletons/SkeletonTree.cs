using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Actions.Skeletons;

/// <summary>
/// Lists a skeleton folder: every directory, file and symbolic link below the root, dot-files included,
/// parents before children, in ordinal order. Symbolic links are listed as links and never followed,
/// so a link cannot make the listing read files from outside the skeleton.
/// </summary>
public static class SkeletonTree
{
    public static IReadOnlyList<SkeletonEntry> List(string root, int maxEntries, CancellationToken cancellationToken)
    {
        var entries = new List<SkeletonEntry>();
        Walk(new DirectoryInfo(root), string.Empty, entries, maxEntries, root, cancellationToken);
        return entries;
    }

    private static void Walk(DirectoryInfo directory, string prefix, List<SkeletonEntry> entries, int maxEntries, string root, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var info in directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (entries.Count >= maxEntries)
            {
                throw new InputError($"The folder {root} has more than {maxEntries} entries, the most a fetch copies");
            }

            var relative = prefix.Length == 0 ? info.Name : prefix + "/" + info.Name;
            var mode = OperatingSystem.IsWindows() ? default : info.UnixFileMode;
            // Only links need their target read; the attributes come with the listing.
            if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.LinkTarget is { } linkTarget)
            {
                entries.Add(new SkeletonEntry(relative, info.FullName, SkeletonEntryKind.SymbolicLink, linkTarget, mode));
            }
            else if (info is DirectoryInfo child)
            {
                entries.Add(new SkeletonEntry(relative, info.FullName, SkeletonEntryKind.Directory, null, mode));
                Walk(child, relative, entries, maxEntries, root, cancellationToken);
            }
            else
            {
                entries.Add(new SkeletonEntry(relative, info.FullName, SkeletonEntryKind.File, null, mode));
            }
        }
    }
}
