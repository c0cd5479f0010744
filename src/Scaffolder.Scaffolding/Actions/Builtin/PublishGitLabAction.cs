using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Publishing.GitLab;
using Scaffolder.Scaffolding.Actions.Inputs;
using Scaffolder.Scaffolding.Actions.Publishing;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>publish:gitlab</c>: creates a GitLab project, pushes the workspace to it, then creates/protects
/// branches and adds project variables, with Backstage's inputs and defaults. <c>sourcePath: false</c>
/// creates the project without pushing anything.
/// </summary>
public sealed class PublishGitLabAction(GitLabPublisher publisher) : BuiltinAction(InputSchemaJson, OutputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "required": ["repoUrl"],
          "properties": {
            "repoUrl": { "title": "Repository Location", "description": "gitlab.com?owner=<group path>&repo=<project name>", "type": "string" },
            "repoVisibility": { "title": "Repository Visibility", "description": "Deprecated: use settings.visibility", "type": "string", "enum": ["private", "public", "internal"] },
            "defaultBranch": { "title": "Default Branch", "description": "Defaults to master", "type": "string" },
            "gitCommitMessage": { "title": "Git Commit Message", "description": "Defaults to 'initial commit'", "type": "string" },
            "gitAuthorName": { "title": "Default Author Name", "type": "string" },
            "gitAuthorEmail": { "title": "Default Author Email", "type": "string" },
            "sourcePath": { "title": "Source Path", "description": "Path within the workspace to use as the repository root; false creates an empty project.", "type": ["string", "boolean"] },
            "token": { "title": "Authentication Token", "description": "The token to use for authorization to GitLab", "type": "string" },
            "setUserAsOwner": { "title": "Set User As Owner", "description": "Make the token's user an owner of the project", "type": "boolean" },
            "topics": { "title": "Topic labels", "description": "Deprecated: use settings.topics", "type": "array", "items": { "type": "string" } },
            "settings": {
              "title": "Project settings",
              "type": "object",
              "properties": {
                "path": { "type": "string" },
                "auto_devops_enabled": { "type": "boolean" },
                "ci_config_path": { "type": "string" },
                "description": { "type": "string" },
                "merge_method": { "type": "string", "enum": ["merge", "rebase_merge", "ff"] },
                "squash_option": { "type": "string", "enum": ["default_off", "default_on", "never", "always"] },
                "topics": { "type": "array", "items": { "type": "string" } },
                "visibility": { "type": "string", "enum": ["private", "public", "internal"] },
                "only_allow_merge_if_all_discussions_are_resolved": { "type": "boolean" },
                "only_allow_merge_if_pipeline_succeeds": { "type": "boolean" },
                "allow_merge_on_skipped_pipeline": { "type": "boolean" }
              }
            },
            "branches": {
              "title": "Project branches settings",
              "type": "array",
              "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": { "type": "string" },
                  "protect": { "type": "boolean" },
                  "create": { "type": "boolean" },
                  "ref": { "type": "string" }
                }
              }
            },
            "projectVariables": {
              "title": "Project variables",
              "type": "array",
              "items": {
                "type": "object",
                "required": ["key", "value"],
                "properties": {
                  "key": { "type": "string" },
                  "value": { "type": "string" },
                  "description": { "type": "string" },
                  "variable_type": { "type": "string", "enum": ["env_var", "file"] },
                  "protected": { "type": "boolean" },
                  "masked": { "type": "boolean" },
                  "raw": { "type": "boolean" },
                  "environment_scope": { "type": "string" }
                }
              }
            }
          }
        }
        """;

    private const string OutputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "remoteUrl": { "title": "A URL to the repository with the provider", "type": "string" },
            "repoContentsUrl": { "title": "A URL to the root of the repository", "type": "string" },
            "projectId": { "title": "The ID of the project", "type": "number" },
            "commitHash": { "title": "The git commit hash of the initial commit", "type": "string" },
            "created": { "title": "Whether the repository was created or not", "type": "boolean" }
          }
        }
        """;

    public override string Id => "publish:gitlab";

    public override string Description => "Initializes a git repository of the content in the workspace, and publishes it to GitLab.";

    public override bool SupportsDryRun => false;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Publish to a new GitLab project.", """
            steps:
              - id: publish
                action: publish:gitlab
                input:
                  repoUrl: gitlab.com?owner=my-group&repo=payments
                  defaultBranch: main
                  settings:
                    visibility: internal
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        input.RequiredString("repoUrl");
        var pushSource = true;
        string[] excluded = [];
        if (input.Raw["sourcePath"] is JsonValue sourcePath && sourcePath.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            pushSource = sourcePath.GetValue<bool>();
            excluded = ["sourcePath"];
        }

        var request = PublishRequestReader.Read<PublishGitLabRequest>(input, context.WorkspacePath, excluded) with { PushSource = pushSource };
        var result = await PublishErrors.RunAsync(Id, () => publisher.PublishAsync(request, new ActionPublishLog(context.Logger), context.CancellationToken));
        context.Output("remoteUrl", result.RemoteUrl);
        context.Output("repoContentsUrl", result.RepoContentsUrl);
        context.Output("projectId", result.ProjectId);
        if (result.CommitHash is not null)
        {
            context.Output("commitHash", result.CommitHash);
        }

        context.Output("created", result.Created);
    }
}
