using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Actions;

/// <summary>Confinement of paths to a task's workspace.</summary>
public static class WorkspacePaths
{
    /// <summary>
    /// The full path of <paramref name="relativePath"/> inside <paramref name="workspace"/>. Absolute
    /// paths, <c>..</c> escapes and symbolic links leading outside are an <see cref="InputError"/>.
    /// </summary>
    public static string Resolve(string workspace, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (relativePath is null || relativePath.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputError("Path must be a string without NUL characters");
        }

        if (Path.IsPathRooted(relativePath))
        {
            throw new InputError($"Path \"{relativePath}\" must be relative to the workspace, not absolute");
        }

        var root = Path.GetFullPath(workspace);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!IsInside(root, full))
        {
            throw new InputError($"Path \"{relativePath}\" resolves outside the workspace");
        }

        // Walk existing components so a symbolic link inside the workspace cannot point out of it.
        var current = root;
        foreach (var part in Path.GetRelativePath(root, full).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (target is null || !IsInside(root, target))
                {
                    throw new InputError($"Path \"{relativePath}\" goes through a symbolic link that leads outside the workspace");
                }
            }
        }

        return full;
    }

    private static bool IsInside(string root, string path) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
