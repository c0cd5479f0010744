namespace Scaffolder.Publishing.Git;

/// <summary>A git command failed, timed out or could not be started. The message is redacted.</summary>
public sealed class GitCommandException : PublishingException
{
    public GitCommandException(string message, string command, int? exitCode, string standardError, bool timedOut)
        : base(message)
    {
        Command = command;
        ExitCode = exitCode;
        StandardError = standardError;
        TimedOut = timedOut;
    }

    /// <summary>What was attempted, e.g. <c>git push to https://host/o/r.git</c>.</summary>
    public string Command { get; }

    /// <summary>git's exit code; null when it never ran or was killed.</summary>
    public int? ExitCode { get; }

    /// <summary>git's error output, redacted.</summary>
    public string StandardError { get; }

    /// <summary>True when the command was killed for exceeding its timeout.</summary>
    public bool TimedOut { get; }
}
