namespace Scaffolder.Publishing.Git;

public sealed class GitCliOptions
{
    /// <summary>The git executable; a name looked up on PATH or a full path.</summary>
    public string ExecutablePath { get; set; } = "git";

    /// <summary>Upper bound for a local command (init, add, commit, rev-parse, show).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Upper bound for a command that talks to a remote (push, clone, fetch, ls-remote).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>An HTTP transfer that moves no data for this long is abandoned by git itself.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest standard output kept from one command (e.g. a file read with <c>git show</c>).</summary>
    public int MaxOutputBytes { get; set; } = 64 * 1024 * 1024;
}
