namespace Scaffolder.Storage.Dialects;

/// <summary>
/// The few places where SQLite and PostgreSQL SQL differ. Everything else is written once in the
/// common subset both understand (<c>ON CONFLICT</c>, <c>RETURNING</c>, <c>LIMIT/OFFSET</c>).
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Folder of the embedded migration scripts for this dialect.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>Row-locking suffix for claiming work; empty where the database lock already serialises writers.</summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>
    /// A condition that <paramref name="column"/> is one of the values of the list parameter
    /// <paramref name="parameter"/> (Dapper expands lists for SQLite; PostgreSQL takes an array).
    /// </summary>
    public abstract string InList(string column, string parameter);

}
