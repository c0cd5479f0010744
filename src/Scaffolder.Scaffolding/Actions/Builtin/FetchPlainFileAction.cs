using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Fetching;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary><c>fetch:plain:file</c>: copies one file into the workspace as is, overwriting a file already there.</summary>
public sealed class FetchPlainFileAction(ContentFetcher fetcher) : BuiltinAction(InputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "required": ["url", "targetPath"],
          "properties": {
            "url": {
              "title": "Fetch URL",
              "description": "Relative path (to the template) or absolute URL (file: or http(s) on an allowed host) of the file.",
              "type": "string"
            },
            "targetPath": {
              "title": "Target Path",
              "description": "Path of the file inside the workspace.",
              "type": "string"
            },
            "token": {
              "title": "Token",
              "description": "Bearer token sent when the file is downloaded over http(s).",
              "type": "string"
            }
          }
        }
        """;

    public override string Id => "fetch:plain:file";

    public override string Description => "Downloads a single file and places it in the workspace.";

    public override bool SupportsDryRun => true;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Copy a licence file from the template into the workspace.", """
            steps:
              - id: fetch-licence
                action: fetch:plain:file
                input:
                  url: ./files/LICENSE
                  targetPath: LICENSE
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        var url = input.RequiredString("url");
        var targetPath = input.RequiredString("targetPath");
        var target = InputPaths.Resolve(context, input, "targetPath", targetPath);
        if (Directory.Exists(target) && new FileInfo(target).LinkTarget is null)
        {
            throw input.Error("targetPath", $"'{targetPath}' is a folder; give the path of the file to write");
        }

        using var file = await fetcher.FetchFileAsync(url, context.TemplateInfo, input.String("token"), input, context.CancellationToken);
        context.Logger.Info($"Fetching plain file from {url}");

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // Re-check now that parent folders exist, and never write through a link that is in the way.
        InputPaths.Resolve(context, input, "targetPath", targetPath);
        if (new FileInfo(target).LinkTarget is not null)
        {
            File.Delete(target);
        }

        var length = new FileInfo(file.Path).Length;
        if (length > fetcher.Options.MaxDownloadBytes)
        {
            throw new InputError($"{Id}: {url} is larger than {fetcher.Options.MaxDownloadBytes} bytes, the most a fetch copies");
        }

        File.Copy(file.Path, target, overwrite: true);
        context.Logger.Info($"Wrote {InputPaths.Display(context, target)} ({length} bytes)");
    }
}
