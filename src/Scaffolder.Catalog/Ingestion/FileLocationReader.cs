using Scaffolder.Common.Errors;

namespace Scaffolder.Catalog.Ingestion;

/// <summary>
/// Reads <c>file</c> locations: paths on the server, confined to the configured roots. Paths are
/// compared after resolving <c>..</c> and symbolic links, so neither can reach outside a root.
/// </summary>
public sealed class FileLocationReader(LocationReaderOptions options) : ILocationReader
{
    public string Type => "file";

    public async Task<string> ReadAsync(string target, CancellationToken cancellationToken)
    {
        var path = RealPath(Path.GetFullPath(target));
        if (!IsUnderRoot(path))
        {
            throw new NotAllowedError(
                $"Reading file {target} is not allowed; it is outside the folders listed in Catalog:Locations:FileRoots");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new NotFoundError($"File {target} does not exist");
        }

        if (file.Length > options.MaxBytes)
        {
            throw new InputError($"File {target} is {file.Length} bytes; the largest location file read is {options.MaxBytes} bytes");
        }

        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    public string ResolveRelative(string baseTarget, string relativeTarget) =>
        Path.IsPathRooted(relativeTarget)
            ? relativeTarget
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(baseTarget)) ?? "/", relativeTarget));

    public void ValidateTarget(string target)
    {
        if (string.IsNullOrWhiteSpace(target) || target.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputError("A file location needs a target path");
        }
    }

    private bool IsUnderRoot(string path) =>
        options.FileRoots.Select(root => RealPath(Path.GetFullPath(root)))
            .Any(root => path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal));

    /// <summary>The path with every symbolic link along it resolved (missing tail components kept as written).</summary>
    private static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        foreach (var part in fullPath[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                next = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
            }

            current = next;
        }

        return current;
    }
}
