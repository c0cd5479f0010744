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

        // Follow the path as the kernel will: a symbolic link inside the workspace must not lead out of it,
        // including links whose targets climb with '..' through other links.
        string real;
        try
        {
            real = RealPaths.Resolve(full);
        }
        catch (IOException e)
        {
            throw new InputError($"Path \"{relativePath}\" cannot be resolved: {e.Message}");
        }

        if (!IsInside(RealPaths.Resolve(root), real))
        {
            throw new InputError($"Path \"{relativePath}\" goes through a symbolic link that leads outside the workspace");
        }

        return full;
    }

    private static bool IsInside(string root, string path) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
