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

    /// <summary>Largest number of bind parameters one statement may carry.</summary>
    public abstract int MaxParameters { get; }
}
