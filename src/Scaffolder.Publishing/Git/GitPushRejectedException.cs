namespace Scaffolder.Publishing.Git;

/// <summary>The remote refused the push because its branch holds history the push does not contain.</summary>
public sealed class GitPushRejectedException(string message, string command, int? exitCode, string standardError)
    : PublishingException(message)
{
    public string Command { get; } = command;

    public int? ExitCode { get; } = exitCode;

    public string StandardError { get; } = standardError;
}
