namespace Scaffolder.Storage.Dialects;

public sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    private PostgresDialect()
    {
    }

    public override string MigrationFolder => "postgres";

    public override string ForUpdateSkipLocked => "FOR UPDATE SKIP LOCKED";

    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";
}
