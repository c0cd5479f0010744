using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Local;
using Scaffolder.Scaffolding.Actions.Inputs;
using Scaffolder.Scaffolding.Actions.Publishing;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>publish:git:plan</c>: tells, without publishing, the <c>remoteUrl</c> and <c>repoContentsUrl</c> that
/// <c>publish:git</c> will output for the same inputs. A skeleton rendered before publishing can then
/// name its own repository (e.g. the <c>backstage.io/source-location</c> annotation of its
/// <c>catalog-info.yaml</c>). Warns when the branch already exists, which would make the push fail.
/// </summary>
public sealed class PublishGitPlanAction(LocalGitPublisher publisher, ScmIntegrations integrations, LocalGitPublisherOptions options)
    : BuiltinAction(PublishGitAction.InputSchemaJson, OutputSchemaJson)
{
    private const string OutputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "remoteUrl": { "title": "The remoteUrl publish:git will output", "type": "string" },
            "repoContentsUrl": { "title": "The repoContentsUrl publish:git will output", "type": "string" },
            "sourceLocation": { "title": "The value for a backstage.io/source-location annotation (url:<repoContentsUrl>/)", "type": "string" }
          }
        }
        """;

    public override string Id => "publish:git:plan";

    public override string Description =>
        "Works out where publish:git will publish (its remoteUrl and repoContentsUrl outputs) without publishing, so files rendered before publishing can refer to the repository.";

    public override bool SupportsDryRun => true;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Learn the repository's URLs before rendering the skeleton.", """
            steps:
              - id: target
                action: publish:git:plan
                input:
                  repoUrl: ${{ parameters.repoUrl }}
              - id: fetch
                action: fetch:template
                input:
                  url: ./skeleton
                  values:
                    sourceLocation: ${{ steps.target.output.sourceLocation }}
            """),
    ];

    protected override Task RunAsync(ActionContext context, StepInput input)
    {
        var target = LocalPublishTarget.Resolve(input, publisher, integrations, options);
        if (target.LocalPath is { } path && Directory.Exists(Path.Combine(path, "refs", "heads")) && File.Exists(Path.Combine(path, "refs", "heads", target.Branch)))
        {
            context.Logger.Warn($"{target.RemoteUrl} already has a branch {target.Branch}; publish:git will refuse to overwrite it");
        }

        context.Logger.Info($"publish:git will publish to {target.RemoteUrl} (branch {target.Branch})");
        context.Output("remoteUrl", target.RemoteUrl);
        context.Output("repoContentsUrl", target.RepoContentsUrl);
        context.Output("sourceLocation", $"url:{target.RepoContentsUrl}/");
        return Task.CompletedTask;
    }
}
