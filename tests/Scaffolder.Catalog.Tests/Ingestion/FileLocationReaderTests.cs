using Scaffolder.Catalog.Ingestion;
using Scaffolder.Common.Errors;
using Xunit;

namespace Scaffolder.Catalog.Tests.Ingestion;

public sealed class FileLocationReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("scaffolder-files-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("scaffolder-outside-").FullName;

    [Fact]
    public async Task Reads_files_under_a_root()
    {
        var path = Path.Combine(_root, "a", "catalog-info.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "kind: x");

        Assert.Equal("kind: x", await Reader().ReadAsync(path, CancellationToken.None));
    }

    [Fact]
    public async Task Missing_files_are_not_found()
    {
        await Assert.ThrowsAsync<NotFoundError>(() => Reader().ReadAsync(Path.Combine(_root, "none.yaml"), CancellationToken.None));
    }

    [Fact]
    public async Task Paths_outside_the_roots_are_not_allowed_even_through_dot_dot_or_links()
    {
        var secret = Path.Combine(_outside, "secret.yaml");
        await File.WriteAllTextAsync(secret, "secret");
        var link = Path.Combine(_root, "link");
        Directory.CreateSymbolicLink(link, _outside);

        await Assert.ThrowsAsync<NotAllowedError>(() => Reader().ReadAsync(secret, CancellationToken.None));
        await Assert.ThrowsAsync<NotAllowedError>(() => Reader().ReadAsync(Path.Combine(_root, "..", Path.GetFileName(_outside), "secret.yaml"), CancellationToken.None));
        await Assert.ThrowsAsync<NotAllowedError>(() => Reader().ReadAsync(Path.Combine(link, "secret.yaml"), CancellationToken.None));
    }

    [Fact]
    public async Task Files_over_the_size_limit_are_refused()
    {
        var path = Path.Combine(_root, "big.yaml");
        await File.WriteAllTextAsync(path, new string('x', 2000));

        var reader = new FileLocationReader(new LocationReaderOptions { FileRoots = [_root], MaxBytes = 1000 });

        await Assert.ThrowsAsync<InputError>(() => reader.ReadAsync(path, CancellationToken.None));
    }

    [Fact]
    public void Relative_targets_resolve_against_the_folder_of_the_base_file()
    {
        Assert.Equal("/repo/services/b.yaml", Reader().ResolveRelative("/repo/services/a.yaml", "./b.yaml"));
        Assert.Equal("/repo/other/c.yaml", Reader().ResolveRelative("/repo/services/a.yaml", "../other/c.yaml"));
        Assert.Equal("/abs/d.yaml", Reader().ResolveRelative("/repo/a.yaml", "/abs/d.yaml"));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private FileLocationReader Reader() => new(new LocationReaderOptions { FileRoots = [_root] });
}
