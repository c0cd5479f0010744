using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Scaffolder.Scaffolding.Tests.Support;

/// <summary>Builds .tar.gz archives in memory, including entries a safe extractor must refuse.</summary>
public sealed class TarGz
{
    private readonly List<TarEntry> _entries = [];

    public TarGz File(string name, string content, UnixFileMode mode = (UnixFileMode)0x1A4)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)), Mode = mode };
        _entries.Add(entry);
        return this;
    }

    public TarGz Directory(string name)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)0x1ED });
        return this;
    }

    public TarGz Link(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });
        return this;
    }

    public byte[] Build()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in _entries)
            {
                writer.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }
}
