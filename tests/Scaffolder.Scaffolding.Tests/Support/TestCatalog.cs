using Scaffolder.Catalog;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Processing;
using Scaffolder.Catalog.Services;
using Scaffolder.Catalog.Validation;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Local;
using Scaffolder.Scaffolding.Actions.Catalog;
using Scaffolder.Storage;
using Scaffolder.Storage.Catalog;
using Scaffolder.Testing;

namespace Scaffolder.Scaffolding.Tests.Support;

/// <summary>
/// The catalog as the host wires it, on a fresh SQLite database: file locations under one folder,
/// url locations over HTTP(S) (none allowed) and inside repositories published under <paramref name="repositoriesRoot"/>.
/// </summary>
public sealed class TestCatalog
{
    private TestCatalog(LocationService locations, EntitiesService entities)
    {
        Locations = locations;
        Entities = entities;
    }

    public LocationService Locations { get; }

    public EntitiesService Entities { get; }

    public static async Task<TestCatalog> CreateAsync(string fileRoot, string repositoriesRoot)
    {
        var database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        var store = new CatalogStore(database);
        var readerOptions = new LocationReaderOptions { FileRoots = [fileRoot] };
        var published = new PublishedRepositoryContentReader(new PublishedRepositoryReader(new GitCli(), repositoriesRoot));
        ILocationReader[] readers =
        [
            new FileLocationReader(readerOptions),
            new UrlLocationReader(new HttpClient(), readerOptions, [published]),
        ];
        var processor = new LocationProcessor(readers, new EntityProcessor(EntityValidator.Default, CatalogRules.AllowAll));
        return new TestCatalog(new LocationService(store, processor, new CatalogOptions()), new EntitiesService(store));
    }
}
