namespace Scaffolder.Storage.Dialects;

public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    public override string MigrationFolder => "sqlite";

    // SQLite has a single writer: BEGIN IMMEDIATE already gives the claiming transaction exclusivity.
    public override string ForUpdateSkipLocked => string.Empty;

    public override string InList(string column, string parameter) => $"{column} IN @{parameter}";
}
