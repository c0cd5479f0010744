using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Local;
using Scaffolder.Scaffolding.Actions.Inputs;
using Scaffolder.Scaffolding.Actions.Publishing;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>publish:git</c>: commits the workspace (or <c>sourcePath</c>) and pushes it to a git remote. With
/// <c>repoUrl</c> on a host configured as a <c>Local</c> integration (by default <c>localhost</c>) the remote
/// is the bare repository <c>&lt;repositories root&gt;/&lt;owner&gt;/&lt;repo&gt;.git</c> (default root
/// <c>./data/repos</c>), created when missing; <c>remoteUrl</c> pushes anywhere git can reach. Never
/// force-pushes: a branch that already holds other history is an error.
/// </summary>
public sealed class PublishGitAction(LocalGitPublisher publisher, ScmIntegrations integrations, LocalGitPublisherOptions options)
    : BuiltinAction(InputSchemaJson, OutputSchemaJson)
{
    internal const string InputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "repoUrl": {
              "title": "Repository Location",
              "description": "<host>?owner=<owner>&repo=<repo> on a host configured as a Local integration (default: localhost); the repository is <repositories root>/<owner>/<repo>.git, created when missing.",
              "type": "string"
            },
            "remoteUrl": {
              "title": "Remote URL",
              "description": "Any git remote instead of repoUrl: an absolute path, file://, http(s)://, ssh:// or git:// URL. Credentials may be given as https://user:token@host/...; they are never logged or stored.",
              "type": "string"
            },
            "defaultBranch": {
              "title": "Default Branch",
              "description": "Branch to push to. Defaults to main.",
              "type": "string"
            },
            "sourcePath": {
              "title": "Source Path",
              "description": "Path inside the workspace to publish instead of the whole workspace.",
              "type": "string"
            },
            "gitCommitMessage": {
              "title": "Git Commit Message",
              "description": "Defaults to 'initial commit'.",
              "type": "string"
            },
            "gitAuthorName": {
              "title": "Default Author Name",
              "description": "Defaults to the configured author (Scaffolder).",
              "type": "string"
            },
            "gitAuthorEmail": {
              "title": "Default Author Email",
              "description": "Defaults to the configured author's email.",
              "type": "string"
            }
          }
        }
        """;

    internal const string OutputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "remoteUrl": { "title": "A URL to the repository with the provider", "type": "string" },
            "repoContentsUrl": { "title": "A URL to the root of the repository (<remoteUrl>/-/blob/<branch>)", "type": "string" },
            "commitHash": { "title": "The git commit hash of the initial commit", "type": "string" }
          }
        }
        """;

    public override string Id => "publish:git";

    public override string Description =>
        "Initializes a git repository of the content in the workspace, and publishes it to a local bare repository (created when missing) or any git remote.";

    public override bool SupportsDryRun => false;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Publish to a repository on this server (data/repos/team-a/payments.git).", """
            steps:
              - id: publish
                action: publish:git
                input:
                  repoUrl: localhost?owner=team-a&repo=payments
                  gitCommitMessage: Scaffold payments
            """),
        new("Publish to any git remote.", """
            steps:
              - id: publish
                action: publish:git
                input:
                  remoteUrl: https://git.example.com/team-a/payments.git
                  defaultBranch: main
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        var target = LocalPublishTarget.Resolve(input, publisher, integrations, options);
        var repoUrl = input.String("repoUrl");
        var request = new PublishGitRequest
        {
            WorkspacePath = context.WorkspacePath,
            SourcePath = input.String("sourcePath"),
            RepoUrl = string.IsNullOrWhiteSpace(repoUrl) ? null : repoUrl,
            RemoteUrl = string.IsNullOrWhiteSpace(repoUrl) ? input.String("remoteUrl") : null,
            DefaultBranch = target.Branch,
            GitCommitMessage = input.String("gitCommitMessage"),
            GitAuthorName = input.String("gitAuthorName"),
            GitAuthorEmail = input.String("gitAuthorEmail"),
        };

        var result = await PublishErrors.RunAsync(Id, () => publisher.PublishAsync(request, new ActionPublishLog(context.Logger), context.CancellationToken));
        var remoteUrl = LocalPublishTarget.AsUrl(result.RemoteUrl);
        context.Logger.Info($"Published commit {result.CommitHash} to {remoteUrl} (branch {target.Branch})");
        context.Output("remoteUrl", remoteUrl);
        context.Output("repoContentsUrl", remoteUrl == result.RemoteUrl ? result.RepoContentsUrl : RepoContentsUrl.Create(remoteUrl, target.Branch));
        context.Output("commitHash", result.CommitHash);
    }
}
