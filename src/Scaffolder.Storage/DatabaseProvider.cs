namespace Scaffolder.Storage;

public enum DatabaseProvider
{
    /// <summary>Embedded default: a single file, no server to run.</summary>
    Sqlite,

    /// <summary>Production and multi-replica deployments.</summary>
    Postgres,
}
