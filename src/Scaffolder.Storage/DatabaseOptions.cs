namespace Scaffolder.Storage;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string DefaultSqliteConnectionString = "Data Source=data/scaffolder.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. For SQLite a relative <c>Data Source</c> is resolved against the
    /// working directory and its folder is created on first run.
    /// </summary>
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
}
