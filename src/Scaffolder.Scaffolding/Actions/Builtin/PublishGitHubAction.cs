using Scaffolder.Publishing.GitHub;
using Scaffolder.Scaffolding.Actions.Inputs;
using Scaffolder.Scaffolding.Actions.Publishing;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>publish:github</c>: creates a GitHub repository, pushes the workspace to it and configures it
/// (access, collaborators, topics, variables, branch protection), with Backstage's inputs and defaults.
/// <c>secrets</c> is refused (sealing them needs libsodium).
/// </summary>
public sealed class PublishGitHubAction(GitHubPublisher publisher) : BuiltinAction(InputSchemaJson, OutputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "required": ["repoUrl"],
          "properties": {
            "repoUrl": { "title": "Repository Location", "description": "github.com?owner=<owner>&repo=<repo>", "type": "string" },
            "description": { "title": "Repository Description", "type": "string" },
            "homepage": { "title": "Repository Homepage", "type": "string" },
            "access": { "title": "Repository Access", "description": "Sets an admin collaborator on the repository. Can either be a user reference different from 'owner' in 'repoUrl' or team reference, eg. 'org/team-name'", "type": "string" },
            "requireCodeOwnerReviews": { "title": "Require CODEOWNER Reviews?", "type": "boolean" },
            "dismissStaleReviews": { "title": "Dismiss Stale Reviews", "type": "boolean" },
            "requiredStatusCheckContexts": { "title": "Required Status Check Contexts", "type": "array", "items": { "type": "string" } },
            "requireBranchesToBeUpToDate": { "title": "Require Branches To Be Up To Date?", "type": "boolean" },
            "requiredConversationResolution": { "title": "Required Conversation Resolution", "type": "boolean" },
            "requireLastPushApproval": { "title": "Require last push approval", "type": "boolean" },
            "repoVisibility": { "title": "Repository Visibility", "type": "string", "enum": ["private", "public", "internal"] },
            "defaultBranch": { "title": "Default Branch", "description": "Defaults to master", "type": "string" },
            "protectDefaultBranch": { "title": "Protect Default Branch", "type": "boolean" },
            "protectEnforceAdmins": { "title": "Enforce Admins On Protected Branches", "type": "boolean" },
            "deleteBranchOnMerge": { "title": "Delete Branch On Merge", "type": "boolean" },
            "gitCommitMessage": { "title": "Git Commit Message", "type": "string" },
            "gitAuthorName": { "title": "Default Author Name", "type": "string" },
            "gitAuthorEmail": { "title": "Default Author Email", "type": "string" },
            "allowMergeCommit": { "title": "Allow Merge Commits", "type": "boolean" },
            "allowSquashMerge": { "title": "Allow Squash Merges", "type": "boolean" },
            "squashMergeCommitTitle": { "title": "Default squash merge commit title", "type": "string", "enum": ["PR_TITLE", "COMMIT_OR_PR_TITLE"] },
            "squashMergeCommitMessage": { "title": "Default squash merge commit message", "type": "string", "enum": ["PR_BODY", "COMMIT_MESSAGES", "BLANK"] },
            "allowRebaseMerge": { "title": "Allow Rebase Merges", "type": "boolean" },
            "allowAutoMerge": { "title": "Allow Auto Merges", "type": "boolean" },
            "allowUpdateBranch": { "title": "Allow Update Branch", "type": "boolean" },
            "sourcePath": { "title": "Source Path", "description": "Path within the workspace that will be used as the repository root.", "type": "string" },
            "bypassPullRequestAllowances": {
              "title": "Bypass pull request requirements",
              "type": "object",
              "properties": {
                "apps": { "type": "array", "items": { "type": "string" } },
                "users": { "type": "array", "items": { "type": "string" } },
                "teams": { "type": "array", "items": { "type": "string" } }
              }
            },
            "requiredApprovingReviewCount": { "title": "Required approving review count", "type": "number" },
            "restrictions": {
              "title": "Restrict who can push to the protected branch",
              "type": "object",
              "properties": {
                "apps": { "type": "array", "items": { "type": "string" } },
                "users": { "type": "array", "items": { "type": "string" } },
                "teams": { "type": "array", "items": { "type": "string" } }
              }
            },
            "collaborators": {
              "title": "Collaborators",
              "description": "Provide additional users or teams with permissions",
              "type": "array",
              "items": {
                "type": "object",
                "required": ["access"],
                "properties": {
                  "access": { "type": "string", "enum": ["pull", "triage", "push", "maintain", "admin"] },
                  "user": { "type": "string" },
                  "team": { "type": "string" },
                  "username": { "type": "string", "description": "Deprecated: use team" }
                }
              }
            },
            "hasProjects": { "title": "Enable projects", "type": "boolean" },
            "hasWiki": { "title": "Enable the wiki", "type": "boolean" },
            "hasIssues": { "title": "Enable issues", "type": "boolean" },
            "token": { "title": "Authentication Token", "description": "The token to use for authorization to GitHub", "type": "string" },
            "topics": { "title": "Topics", "type": "array", "items": { "type": "string" } },
            "repoVariables": { "title": "Repository Variables", "type": "object" },
            "secrets": { "title": "Repository Secrets", "description": "Not supported by this server", "type": "object" },
            "oidcCustomization": {
              "title": "Repository OIDC customization template",
              "type": "object",
              "properties": {
                "useDefault": { "type": "boolean" },
                "includeClaimKeys": { "type": "array", "items": { "type": "string" } }
              }
            },
            "requiredCommitSigning": { "title": "Require commit signing", "type": "boolean" },
            "requiredLinearHistory": { "title": "Require linear history", "type": "boolean" },
            "customProperties": { "title": "Custom Repository Properties", "type": "object" },
            "subscribe": { "title": "Subscribe to repository", "type": "boolean" }
          }
        }
        """;

    private const string OutputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "remoteUrl": { "title": "A URL to the repository with the provider", "type": "string" },
            "repoContentsUrl": { "title": "A URL to the root of the repository", "type": "string" },
            "commitHash": { "title": "The git commit hash of the initial commit", "type": "string" }
          }
        }
        """;

    public override string Id => "publish:github";

    public override string Description => "Initializes a git repository of contents in workspace and publishes it to GitHub.";

    public override bool SupportsDryRun => false;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Publish to a new private GitHub repository.", """
            steps:
              - id: publish
                action: publish:github
                input:
                  repoUrl: github.com?owner=my-org&repo=payments
                  description: Payments service
                  defaultBranch: main
                  repoVisibility: private
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        input.RequiredString("repoUrl");
        var request = PublishRequestReader.Read<PublishGitHubRequest>(input, context.WorkspacePath);
        var result = await PublishErrors.RunAsync(Id, () => publisher.PublishAsync(request, new ActionPublishLog(context.Logger), context.CancellationToken));
        context.Output("remoteUrl", result.RemoteUrl);
        context.Output("repoContentsUrl", result.RepoContentsUrl);
        context.Output("commitHash", result.CommitHash);
    }
}
