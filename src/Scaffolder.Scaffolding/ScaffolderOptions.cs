namespace Scaffolder.Scaffolding;

/// <summary>Configuration section <c>Scaffolder</c>: the task engine's workers, timings, workspaces and secrets key.</summary>
public sealed class ScaffolderOptions
{
    public const string SectionName = "Scaffolder";

    /// <summary>How many tasks this process runs at once.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Where each task gets its own workspace folder (removed when the run ends). Default: a folder in the system temp dir.</summary>
    public string? WorkspaceRoot { get; set; }

    /// <summary>How often a running task's heartbeat is written (and a cancel from another replica noticed).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A processing task without a heartbeat for this long has lost its worker.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often stale tasks are looked for.</summary>
    public TimeSpan JanitorInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often idle workers and event watchers look at the database for work done by other replicas.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Base64 of a 32-byte key that encrypts task secrets at rest. Every replica must share it; without
    /// one, a random key is made per process, so only this process can read the secrets it stored.
    /// </summary>
    public string? SecretsKey { get; set; }

    public string ResolveWorkspaceRoot() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(WorkspaceRoot) ? Path.Combine(Path.GetTempPath(), "scaffolder-workspaces") : WorkspaceRoot);
}
