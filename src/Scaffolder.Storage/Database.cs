using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Scaffolder.Storage.Dialects;

namespace Scaffolder.Storage;

/// <summary>
/// The one way into the database: opens connections for the configured provider and runs
/// units of work in transactions. Thread-safe; create one per process.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqliteConnectionString;

    private Database(DatabaseProvider provider, SqlDialect dialect, NpgsqlDataSource? postgres, string? sqlite)
    {
        Provider = provider;
        Dialect = dialect;
        _postgres = postgres;
        _sqliteConnectionString = sqlite;
    }

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect { get; }

    public static Database Create(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new Database(
                DatabaseProvider.Sqlite, SqliteDialect.Instance, null, PrepareSqlite(options.ConnectionString)),
            DatabaseProvider.Postgres => new Database(
                DatabaseProvider.Postgres, PostgresDialect.Instance, new NpgsqlDataSourceBuilder(options.ConnectionString).Build(), null),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider."),
        };
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);

        // WAL with synchronous=NORMAL stays consistent after a crash (a power loss may drop the last
        // commits); a larger page cache keeps the catalog's indexes in memory during bulk writes.
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back
    /// when it throws, so a failed unit of work never leaves partial state behind.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(
        Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // SQLite: BeginTransaction() is BEGIN IMMEDIATE, taking the write lock up front so two
        // writers queue on busy_timeout instead of failing on lock upgrade.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task InTransactionAsync(
        Func<DbConnection, DbTransaction, Task> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync<bool>(
            async (connection, transaction) =>
            {
                await work(connection, transaction);
                return true;
            },
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        };
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var fullPath = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder.DataSource = fullPath;
        }

        return builder.ToString();
    }
}
