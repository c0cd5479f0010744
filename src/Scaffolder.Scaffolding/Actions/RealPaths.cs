namespace Scaffolder.Scaffolding.Actions;

/// <summary>
/// Paths as the operating system will follow them. <see cref="Path.GetFullPath(string)"/> folds
/// <c>..</c> textually, but the kernel applies <c>..</c> after following a symbolic link, so
/// <c>y/../x</c> with <c>y → deeper/dir</c> lands elsewhere than <c>x</c>. These helpers walk the
/// path one component at a time the way the kernel does.
/// </summary>
public static class RealPaths
{
    private const int MaxLinks = 40;

    /// <summary>
    /// The path with every symbolic link followed and every <c>..</c> applied to where the links led.
    /// Components that do not exist are kept as written.
    /// </summary>
    public static string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>();
        Push(pending, absolute[root.Length..]);

        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var segment = pending.Pop();
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, segment);
            var linkTarget = new FileInfo(next).LinkTarget;
            if (linkTarget is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many levels of symbolic links in {path}");
            }

            // The link's target replaces it, read relative to the folder holding the link.
            if (Path.IsPathRooted(linkTarget))
            {
                current = Path.GetPathRoot(linkTarget)!;
                Push(pending, linkTarget[current.Length..]);
            }
            else
            {
                Push(pending, linkTarget);
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies below it (both full paths).</summary>
    public static bool IsInside(string root, string path)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        if (trimmed == Path.GetPathRoot(trimmed))
        {
            return path.StartsWith(trimmed, StringComparison.Ordinal);
        }

        return path == trimmed || path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            pending.Push(segments[i]);
        }
    }
}
