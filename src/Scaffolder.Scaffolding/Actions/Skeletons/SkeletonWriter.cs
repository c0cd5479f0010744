using System.Text;
using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Actions.Skeletons;

/// <summary>What writing a plan did.</summary>
public sealed record SkeletonWriteResult(int Written, IReadOnlyList<string> KeptExisting);

/// <summary>
/// Applies a <see cref="SkeletonPlan"/> to disk. Every write is checked against the workspace as the
/// kernel will resolve it (a symbolic link written earlier cannot redirect a later write out of the
/// workspace); files keep their Unix permission bits (less the umask for rendered files, as Node writes
/// them); existing files are kept unless
/// <c>replace</c> is set, and a symbolic link in the way is replaced, never written through.
/// </summary>
public static class SkeletonWriter
{
    private const UnixFileMode Permissions = (UnixFileMode)0x1FF;
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DefaultMode = OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static SkeletonWriteResult Apply(SkeletonPlan plan, string workspace, bool replace, CancellationToken cancellationToken)
    {
        var workspaceRoot = RealPaths.Resolve(workspace);
        var confined = new HashSet<string>(StringComparer.Ordinal) { Path.TrimEndingDirectorySeparator(workspaceRoot) };

        // Folders this write created: nothing can be in the way inside them (a plan never names one output twice).
        var created = new HashSet<string>(StringComparer.Ordinal);
        var written = 0;
        var kept = new List<string>();
        foreach (var operation in plan.Operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = operation.TargetPath;
            var parent = Path.GetDirectoryName(target)!;
            EnsureDirectory(parent, workspaceRoot, operation, confined, created);

            if (operation.Kind == SkeletonOperationKind.CreateDirectory)
            {
                if (!created.Contains(parent) && (File.Exists(target) || IsLink(target)))
                {
                    throw new InputError($"Cannot create the folder '{Shown(target, workspaceRoot)}': a file with that name already exists");
                }

                EnsureDirectory(target, workspaceRoot, operation, confined, created);
                continue;
            }

            if (!created.Contains(parent) && Directory.Exists(target) && !IsLink(target))
            {
                throw new InputError($"Cannot write '{Shown(target, workspaceRoot)}' from '{operation.Source.RelativePath}': a folder with that name already exists");
            }

            if (!created.Contains(parent) && (File.Exists(target) || IsLink(target)))
            {
                if (!replace)
                {
                    kept.Add(Shown(target, workspaceRoot));
                    continue;
                }

                File.Delete(target);
            }

            // The folder holding the target is confined and the target itself is no link (any was removed
            // above), so the write lands inside the workspace.
            switch (operation.Kind)
            {
                case SkeletonOperationKind.CopyFile:
                    // The copy takes the source's permission bits; the owner must still be able to rewrite it.
                    File.Copy(operation.Source.FullPath, target, overwrite: false);
                    if ((operation.Source.Mode & OwnerReadWrite) != OwnerReadWrite)
                    {
                        SetMode(target, operation.Source.Mode);
                    }

                    break;
                case SkeletonOperationKind.WriteText:
                    WriteText(target, operation.Content ?? string.Empty, operation.Source.Mode);
                    break;
                case SkeletonOperationKind.CreateLink:
                    File.CreateSymbolicLink(target, operation.Source.LinkTarget!);
                    if (!RealPaths.IsInside(workspaceRoot, RealPaths.Resolve(target)))
                    {
                        File.Delete(target);
                        throw new InputError($"'{operation.Source.RelativePath}' is a symbolic link to '{operation.Source.LinkTarget}', which leads outside the workspace");
                    }

                    break;
            }

            written++;
        }

        return new SkeletonWriteResult(written, kept);
    }

    /// <summary>
    /// Creates <paramref name="directory"/> after checking it lies in the workspace as the kernel resolves it.
    /// Folders checked (or created) by this write are remembered: a folder whose parent was checked and
    /// which is not itself a link needs one look, not a walk of the whole path.
    /// </summary>
    private static void EnsureDirectory(string directory, string workspaceRoot, SkeletonOperation operation, HashSet<string> confined, HashSet<string> created)
    {
        if (confined.Contains(directory))
        {
            return;
        }

        var parent = Path.GetDirectoryName(directory);
        if (parent is not null && (confined.Contains(parent) || RealPaths.IsInside(workspaceRoot, parent)))
        {
            EnsureDirectory(parent, workspaceRoot, operation, confined, created);
            if (!created.Contains(parent) && IsLink(directory))
            {
                Confine(directory, workspaceRoot, operation);
            }
        }
        else
        {
            Confine(directory, workspaceRoot, operation);
        }

        if (created.Contains(parent ?? string.Empty) || !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            created.Add(directory);
        }

        confined.Add(directory);
    }

    /// <summary>Writes a new file created with the source's permission bits (owner read and write added), less the umask, as Node's writeFile does.</summary>
    private static void WriteText(string path, string content, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode == default ? DefaultMode : (mode & Permissions) | OwnerReadWrite;
        }

        using var stream = new FileStream(path, options);
        var bytes = Utf8.GetBytes(content);
        stream.Write(bytes);
    }

    private static void Confine(string path, string workspaceRoot, SkeletonOperation operation)
    {
        if (!RealPaths.IsInside(workspaceRoot, RealPaths.Resolve(path)))
        {
            throw new InputError($"'{operation.Source.RelativePath}' would be written through a symbolic link that leads outside the workspace");
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows() || mode == default)
        {
            return;
        }

        // Only permission bits travel; the owner can always read and write what was generated.
        File.SetUnixFileMode(path, (mode & Permissions) | OwnerReadWrite);
    }

    private static string Shown(string path, string workspaceRoot) => Path.GetRelativePath(workspaceRoot, path).Replace('\\', '/');
}
