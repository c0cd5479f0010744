namespace Scaffolder.Scaffolding.DryRun;

/// <summary>A file a dry run left in its workspace.</summary>
public sealed record WorkspaceFile(string Path, bool Executable, byte[] Content);

/// <summary>Reads a workspace's files, with <c>/</c>-separated relative paths in ordinal order; symbolic links are not followed.</summary>
public static class WorkspaceFiles
{
    public static IReadOnlyList<WorkspaceFile> Read(string root)
    {
        var files = new List<WorkspaceFile>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is DirectoryInfo)
                {
                    pending.Push(entry.FullName);
                }
                else if (entry is FileInfo file)
                {
                    var relative = Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                    files.Add(new WorkspaceFile(relative, IsExecutable(file), File.ReadAllBytes(file.FullName)));
                }
            }
        }

        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private static bool IsExecutable(FileInfo file) =>
        !OperatingSystem.IsWindows()
        && (file.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
