using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace Scaffolder.Storage.Migrations;

/// <summary>
/// Applies the embedded migration scripts in version order, each in its own transaction, recording
/// applied versions in <c>schema_migrations</c>. Safe to run from several replicas at once.
/// </summary>
public static partial class MigrationRunner
{
    // Arbitrary constant shared by all replicas so only one applies migrations at a time.
    private const long PostgresAdvisoryLockKey = 0x5CAFF01D;

    public static IReadOnlyList<Migration> Load(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{folder}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var match = ScriptName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration script '{fileName}' must be named NNNN_name.sql.");
            }

            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                ReadResource(assembly, resource)));
        }

        var ordered = migrations.OrderBy(m => m.Version).ToList();
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migration scripts share version {duplicate.Key}.");
        }

        return ordered;
    }

    /// <summary>Brings the schema up to date and returns the versions applied by this call.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(Database database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var migrations = Load(database.Provider);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed while one writer commits; it is a property of the file.
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
        }
        else
        {
            // Held for the whole run: even CREATE TABLE IF NOT EXISTS races between replicas.
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = PostgresAdvisoryLockKey });
        }

        try
        {
            return await ApplyPendingAsync(connection, migrations, cancellationToken);
        }
        finally
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = PostgresAdvisoryLockKey });
            }
        }
    }

    private static async Task<IReadOnlyList<int>> ApplyPendingAsync(
        DbConnection connection, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {

        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");

        var applied = new List<int>();
        foreach (var migration in migrations)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var done = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version = migration.Version }, transaction);
            if (done == 0)
            {
                await ApplyAsync(connection, transaction, migration);
                applied.Add(migration.Version);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return applied;
    }

    private static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, Migration migration)
    {
        try
        {
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
        }
        catch (DbException e)
        {
            throw new InvalidOperationException($"Migration {migration.Version:D4}_{migration.Name} failed: {e.Message}", e);
        }

        await connection.ExecuteAsync(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
            new { version = migration.Version, name = migration.Name, appliedAt = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
            transaction);
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
