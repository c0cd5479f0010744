using Scaffolder.Publishing.Azure;
using Scaffolder.Scaffolding.Actions.Inputs;
using Scaffolder.Scaffolding.Actions.Publishing;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>publish:azure</c>: creates an Azure DevOps repository and pushes the workspace to it, with
/// Backstage's inputs and defaults (<c>signCommit</c> is not supported).
/// </summary>
public sealed class PublishAzureAction(AzurePublisher publisher) : BuiltinAction(InputSchemaJson, OutputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "required": ["repoUrl"],
          "properties": {
            "repoUrl": { "title": "Repository Location", "description": "dev.azure.com?organization=<org>&project=<project>&repo=<repo>", "type": "string" },
            "description": { "title": "Repository Description", "type": "string" },
            "defaultBranch": { "title": "Default Branch", "description": "Defaults to master", "type": "string" },
            "gitCommitMessage": { "title": "Git Commit Message", "description": "Defaults to 'initial commit'", "type": "string" },
            "gitAuthorName": { "title": "Default Author Name", "type": "string" },
            "gitAuthorEmail": { "title": "Default Author Email", "type": "string" },
            "sourcePath": { "title": "Source Path", "description": "Path within the workspace that will be used as the repository root.", "type": "string" },
            "token": { "title": "Authentication Token", "description": "The token to use for authorization to Azure", "type": "string" },
            "signCommit": { "title": "Sign commit", "description": "Not supported by this server", "type": "boolean" }
          }
        }
        """;

    private const string OutputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "remoteUrl": { "title": "A URL to the repository with the provider", "type": "string" },
            "repoContentsUrl": { "title": "A URL to the root of the repository", "type": "string" },
            "repositoryId": { "title": "The Id of the created repository", "type": "string" },
            "commitHash": { "title": "The git commit hash of the initial commit", "type": "string" }
          }
        }
        """;

    public override string Id => "publish:azure";

    public override string Description => "Initializes a git repository of the content in the workspace, and publishes it to Azure.";

    public override bool SupportsDryRun => false;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Publish to a new Azure DevOps repository.", """
            steps:
              - id: publish
                action: publish:azure
                input:
                  repoUrl: dev.azure.com?organization=my-org&project=platform&repo=payments
                  defaultBranch: main
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        input.RequiredString("repoUrl");
        if (input.Boolean("signCommit"))
        {
            throw input.Error("signCommit", "is not supported by this server; leave it out or set it to false");
        }

        var request = PublishRequestReader.Read<PublishAzureRequest>(input, context.WorkspacePath, "signCommit");
        var result = await PublishErrors.RunAsync(Id, () => publisher.PublishAsync(request, new ActionPublishLog(context.Logger), context.CancellationToken));
        context.Output("remoteUrl", result.RemoteUrl);
        context.Output("repoContentsUrl", result.RepoContentsUrl);
        context.Output("repositoryId", result.RepositoryId);
        context.Output("commitHash", result.CommitHash);
    }
}
