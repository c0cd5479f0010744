using Scaffolder.Storage;
using Scaffolder.Storage.Migrations;

namespace Scaffolder.Testing;

/// <summary>Fresh, migrated databases for tests: a temp SQLite file, or a new database on the throwaway PostgreSQL cluster.</summary>
public static class TestDatabases
{
    public static async Task<DatabaseOptions> CreateOptionsAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var cluster = await PostgresCluster.GetAsync();
            return new DatabaseOptions { Provider = provider, ConnectionString = await cluster.CreateDatabaseAsync() };
        }

        var file = Path.Combine(Path.GetTempPath(), "scaffolder-tests", $"{Guid.NewGuid():N}.db");
        return new DatabaseOptions { Provider = provider, ConnectionString = $"Data Source={file}" };
    }

    public static async Task<Database> CreateAsync(DatabaseProvider provider)
    {
        var database = Database.Create(await CreateOptionsAsync(provider));
        await MigrationRunner.MigrateAsync(database);
        return database;
    }
}
