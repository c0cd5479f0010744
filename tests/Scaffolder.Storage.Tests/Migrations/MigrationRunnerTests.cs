using Dapper;
using Scaffolder.Storage;
using Scaffolder.Storage.Migrations;
using Scaffolder.Testing;
using Xunit;

namespace Scaffolder.Storage.Tests.Migrations;

public abstract class MigrationRunnerTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Fresh_database_gets_every_migration_once_and_a_second_run_applies_nothing()
    {
        await using var database = Database.Create(await TestDatabases.CreateOptionsAsync(provider));

        var first = await MigrationRunner.MigrateAsync(database);
        var second = await MigrationRunner.MigrateAsync(database);

        Assert.Equal(MigrationRunner.Load(provider).Select(m => m.Version), first);
        Assert.Empty(second);
        await using var connection = await database.OpenConnectionAsync();
        var recorded = await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal(first, recorded);
    }

    [Fact]
    public async Task Concurrent_start_ups_apply_each_migration_exactly_once()
    {
        var options = await TestDatabases.CreateOptionsAsync(provider);
        var databases = Enumerable.Range(0, 4).Select(_ => Database.Create(options)).ToList();
        try
        {
            var results = await Task.WhenAll(databases.Select(d => MigrationRunner.MigrateAsync(d)));

            Assert.Equal(
                MigrationRunner.Load(provider).Select(m => m.Version),
                results.SelectMany(r => r).Order());
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }

    [Fact]
    public void Both_providers_ship_the_same_migration_versions()
    {
        Assert.Equal(
            MigrationRunner.Load(DatabaseProvider.Sqlite).Select(m => (m.Version, m.Name)),
            MigrationRunner.Load(DatabaseProvider.Postgres).Select(m => (m.Version, m.Name)));
    }
}

public sealed class SqliteMigrationRunnerTests() : MigrationRunnerTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationRunnerTests() : MigrationRunnerTests(DatabaseProvider.Postgres);
