using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Infrastructure;

/// <summary>A service with <see cref="CatalogSeed"/> registered as a file location, shared by a test class that only reads.</summary>
public abstract class SeededCatalog(DatabaseProvider provider) : IAsyncLifetime
{
    public ScaffolderApp App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string SeedPath { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await ScaffolderApp.CreateAsync(provider);
        SeedPath = App.WriteFile("seed/catalog.yaml", CatalogSeed.Yaml);
        Client = App.CreateClient();
        var response = await Client.PostJsonAsync("/api/catalog/locations", $$"""{"type":"file","target":"{{SeedPath}}"}""");
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding failed: {await response.Content.ReadAsStringAsync()}\n{App.Logs}");
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

public sealed class SqliteSeededCatalog() : SeededCatalog(DatabaseProvider.Sqlite);

public sealed class PostgresSeededCatalog() : SeededCatalog(DatabaseProvider.Postgres);
