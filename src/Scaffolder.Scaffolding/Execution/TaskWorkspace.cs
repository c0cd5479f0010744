namespace Scaffolder.Scaffolding.Execution;

/// <summary>A run's private folder under the workspace root: created empty, deleted with everything in it afterwards.</summary>
public sealed class TaskWorkspace : IDisposable
{
    private TaskWorkspace(string path) => Path = path;

    public string Path { get; }

    /// <summary>Creates <c>&lt;root&gt;/&lt;name&gt;</c>, emptied first if a previous run left it behind.</summary>
    public static TaskWorkspace Create(string root, string name)
    {
        var path = System.IO.Path.Combine(root, name);
        DeleteTree(path);
        Directory.CreateDirectory(path);
        return new TaskWorkspace(path);
    }

    public void Dispose() => DeleteTree(Path);

    private static void DeleteTree(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Read-only entries (e.g. git objects) block deletion on some systems: clear the flags and retry.
            foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                entry.Attributes &= ~FileAttributes.ReadOnly;
            }

            Directory.Delete(path, recursive: true);
        }
    }
}
