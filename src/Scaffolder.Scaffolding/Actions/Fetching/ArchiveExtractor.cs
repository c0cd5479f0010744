using System.Formats.Tar;
using System.IO.Compression;
using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Actions.Fetching;

/// <summary>
/// Unpacks a <c>.tar.gz</c> archive into an empty folder, refusing entries that would land outside it
/// (absolute names, <c>..</c>, symbolic links pointing out, hard links) and stopping at the size and
/// entry limits. Devices and FIFOs are skipped; set-id bits are dropped.
/// </summary>
public static class ArchiveExtractor
{
    private const UnixFileMode PermissionBits =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static async Task ExtractTarGzAsync(Stream compressed, string destination, FetchOptions options, string display, CancellationToken cancellationToken)
    {
        var root = RealPaths.Resolve(destination);
        var links = new List<(string Name, string Path)>();
        long written = 0;
        var entries = 0;
        try
        {
            await using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            await using var reader = new TarReader(gzip);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
                {
                    continue;
                }

                if (++entries > options.MaxEntries)
                {
                    throw new InputError($"The archive {display} has more than {options.MaxEntries} entries");
                }

                var name = Normalize(entry.Name, display);
                if (name.Length == 0)
                {
                    continue;
                }

                var target = Path.Combine(root, name);
                if (!RealPaths.IsInside(root, RealPaths.Resolve(target)))
                {
                    throw new InputError($"The archive {display} has an entry '{entry.Name}' that would be written outside the folder it is unpacked into");
                }

                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(target);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        written += await WriteFileAsync(entry, target, options.MaxExtractedBytes - written, display, cancellationToken);
                        break;
                    case TarEntryType.SymbolicLink:
                        CreateLink(entry, root, target, display);
                        links.Add((entry.Name, target));
                        break;
                    case TarEntryType.HardLink:
                        throw new InputError($"The archive {display} has a hard link '{entry.Name}'; hard links are not supported");
                    default:
                        // Devices, FIFOs and sparse-file markers have no place in a template.
                        break;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new InputError($"{display} is not a readable .tar.gz archive: {e.Message}");
        }

        // A link checked when it was created can be redirected by a link created after it.
        foreach (var (name, path) in links)
        {
            if (!RealPaths.IsInside(root, RealPaths.Resolve(path)))
            {
                throw new InputError($"The archive {display} has a symbolic link '{name}' that leads outside the archive");
            }
        }
    }

    /// <summary>The folder to use as the archive's root: its single top-level folder when it has nothing else (as GitHub and GitLab archives do).</summary>
    public static string ContentRoot(string destination)
    {
        var entries = Directory.GetFileSystemEntries(destination);
        return entries.Length == 1 && Directory.Exists(entries[0]) && new DirectoryInfo(entries[0]).LinkTarget is null
            ? entries[0]
            : destination;
    }

    private static string Normalize(string name, string display)
    {
        var text = name.Replace('\\', '/');
        if (text.StartsWith('/') || text.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputError($"The archive {display} has an entry with an absolute name '{name}'");
        }

        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToList();
        if (segments.Contains(".."))
        {
            throw new InputError($"The archive {display} has an entry '{name}' that climbs out with '..'");
        }

        return string.Join(Path.DirectorySeparatorChar, segments);
    }

    private static async Task<long> WriteFileAsync(TarEntry entry, string target, long budget, string display, CancellationToken cancellationToken)
    {
        if (entry.Length > budget)
        {
            throw new InputError($"The archive {display} unpacks to more than the allowed size");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            if (entry.DataStream is { } data)
            {
                await data.CopyToAsync(output, cancellationToken);
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, (entry.Mode & PermissionBits) | UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return entry.Length;
    }

    private static void CreateLink(TarEntry entry, string root, string target, string display)
    {
        var linkTarget = entry.LinkName;
        if (Path.IsPathRooted(linkTarget) || !RealPaths.IsInside(root, RealPaths.Resolve(Path.Combine(Path.GetDirectoryName(target)!, linkTarget))))
        {
            throw new InputError($"The archive {display} has a symbolic link '{entry.Name}' pointing outside the archive ({linkTarget})");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.CreateSymbolicLink(target, linkTarget);
    }
}
