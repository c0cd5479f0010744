namespace Scaffolder.Publishing.Workspace;

/// <summary>
/// Resolves a publish action's <c>sourcePath</c> inside the task workspace. Unlike Backstage, which quietly
/// strips leading <c>..</c>, a path that would leave the workspace is refused with a message saying why.
/// </summary>
public static class SourceDirectory
{
    public static string Resolve(string workspacePath, string? sourcePath)
    {
        if (string.IsNullOrWhiteSpace(workspacePath) || !Directory.Exists(workspacePath))
        {
            throw new PublishingInputException($"The workspace directory '{workspacePath}' does not exist.");
        }

        var workspace = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspacePath));
        if (string.IsNullOrWhiteSpace(sourcePath) || sourcePath.Trim() is "." or "./")
        {
            return workspace;
        }

        if (sourcePath.Any(char.IsControl))
        {
            throw new PublishingInputException($"Invalid sourcePath '{sourcePath.ReplaceLineEndings(" ")}': it must not contain control characters.");
        }

        if (Path.IsPathRooted(sourcePath) || sourcePath.StartsWith('/') || sourcePath.StartsWith('\\'))
        {
            throw new PublishingInputException($"Invalid sourcePath '{sourcePath}': it must be a path relative to the workspace, not an absolute path.");
        }

        var resolved = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(workspace, sourcePath)));
        if (!IsInside(resolved, workspace))
        {
            throw new PublishingInputException($"Invalid sourcePath '{sourcePath}': it points outside the workspace.");
        }

        // A symbolic link inside the workspace could lead anywhere; refuse to walk through one.
        var current = workspace;
        foreach (var segment in Path.GetRelativePath(workspace, resolved).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null)
            {
                throw new PublishingInputException($"Invalid sourcePath '{sourcePath}': '{Path.GetRelativePath(workspace, current)}' is a symbolic link, which publishing does not follow.");
            }
        }

        if (!Directory.Exists(resolved))
        {
            throw new PublishingInputException(
                File.Exists(resolved)
                    ? $"Invalid sourcePath '{sourcePath}': it is a file; it must name a directory in the workspace."
                    : $"Invalid sourcePath '{sourcePath}': no such directory in the workspace.");
        }

        return resolved;
    }

    private static bool IsInside(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return path.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }
}
