using Scaffolder.Scaffolding.Actions.Fetching;
using Scaffolder.Scaffolding.Actions.Inputs;
using Scaffolder.Scaffolding.Actions.Skeletons;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary><c>fetch:plain</c>: copies a folder into the workspace as is, overwriting files already there.</summary>
public sealed class FetchPlainAction(ContentFetcher fetcher) : BuiltinAction(InputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "required": ["url"],
          "properties": {
            "url": {
              "title": "Fetch URL",
              "description": "Relative path (to the template) or absolute URL of the folder: a file: URL, or an http(s) URL of a .tar.gz archive on an allowed host.",
              "type": "string"
            },
            "targetPath": {
              "title": "Target Path",
              "description": "Path inside the workspace to copy the folder to. Defaults to the workspace root.",
              "type": "string"
            },
            "token": {
              "title": "Token",
              "description": "Bearer token sent when the folder is downloaded over http(s).",
              "type": "string"
            }
          }
        }
        """;

    public override string Id => "fetch:plain";

    public override string Description => "Downloads a folder and places it in the workspace, or optionally in a sub-folder given by targetPath.";

    public override bool SupportsDryRun => true;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Copy the template's static files into the workspace.", """
            steps:
              - id: fetch-plain
                action: fetch:plain
                input:
                  url: ./static
                  targetPath: ./docs
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        var url = input.RequiredString("url");
        var target = InputPaths.Resolve(context, input, "targetPath", input.String("targetPath") is { Length: > 0 } given ? given : "./");
        using var folder = await fetcher.FetchFolderAsync(url, context.TemplateInfo, input.String("token"), input, context.CancellationToken);
        context.Logger.Info($"Fetching plain content from {url}");

        var entries = SkeletonTree.List(folder.Path, fetcher.Options.MaxEntries, context.CancellationToken);
        var plan = SkeletonPlanner.Plan(entries, new SkeletonPlanOptions { TargetDirectory = target, Workspace = context.WorkspacePath }, context.CancellationToken);
        if (plan.Problems.Count > 0)
        {
            throw new Common.Errors.InputError($"{Id}: the folder at {url} cannot be copied:\n  - " + string.Join("\n  - ", plan.Problems));
        }

        var result = SkeletonWriter.Apply(plan, context.WorkspacePath, replace: true, context.CancellationToken);
        context.Logger.Info($"Copied {result.Written} entries to {InputPaths.Display(context, target)}");
    }
}
