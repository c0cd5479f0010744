using Scaffolder.Publishing.Git;

namespace Scaffolder.Publishing;

/// <summary>What a publish uses when its inputs leave it open: Backstage's <c>scaffolder.defaultAuthor</c> and <c>scaffolder.defaultCommitMessage</c>.</summary>
public sealed record PublishDefaults
{
    public GitIdentity Author { get; init; } = GitIdentity.Scaffolder;

    public string CommitMessage { get; init; } = "initial commit";
}
