using System.Text;

namespace Scaffolder.Publishing.Git;

/// <summary>One git command line, with what it needs besides its arguments.</summary>
internal sealed record GitInvocation(string Description, IReadOnlyList<string> Arguments)
{
    public TimeSpan? Timeout { get; init; }

    public bool UsesNetwork { get; init; }

    public string? WorkingDirectory { get; init; }

    public GitCredentials? Credentials { get; init; }

    public GitIdentity? Identity { get; init; }

    public string? StandardInput { get; init; }
}

internal sealed record GitProcessResult(int ExitCode, byte[] StandardOutputBytes, string StandardError)
{
    public string StandardOutput => Encoding.UTF8.GetString(StandardOutputBytes);
}
