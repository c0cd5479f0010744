using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Fetching;
using Scaffolder.Scaffolding.Actions.Inputs;
using Scaffolder.Scaffolding.Actions.Skeletons;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>fetch:template</c>: fetches a skeleton folder, renders it with <c>values</c> and writes it into the
/// workspace. Skeletons are Scriban: only files ending in <see cref="DefaultTemplateFileExtension"/>
/// (<c>.sbn</c>) are rendered, and lose the suffix; everything else is copied byte for byte, so Helm's
/// <c>{{ .Values.x }}</c> and GitHub Actions' <c>${{ github.sha }}</c> need no escaping. Every path is
/// rendered too, and a path rendering empty is skipped.
/// </summary>
public sealed class FetchTemplateAction(ContentFetcher fetcher, ISkeletonTemplateEngine? engine = null) : BuiltinAction(InputSchemaJson)
{
    public const string DefaultTemplateFileExtension = ".sbn";

    private const string InputSchemaJson = """
        {
          "type": "object",
          "required": ["url"],
          "properties": {
            "url": {
              "title": "Fetch URL",
              "description": "Relative path (to the template) or absolute URL of the skeleton folder: a file: URL, or an http(s) URL of a .tar.gz archive on an allowed host.",
              "type": "string"
            },
            "targetPath": {
              "title": "Target Path",
              "description": "Path inside the workspace to write the result to. Defaults to the workspace root.",
              "type": "string"
            },
            "values": {
              "title": "Template Values",
              "description": "Values the templates see as values.<name> (cookiecutter.<name> with cookiecutterCompat).",
              "type": "object"
            },
            "copyWithoutTemplating": {
              "title": "Copy Without Templating",
              "description": "Globs of entries whose contents are copied as is; their names are still rendered.",
              "type": "array",
              "items": { "type": "string" }
            },
            "copyWithoutRender": {
              "title": "[Deprecated] Copy Without Render",
              "description": "Globs of entries copied as is, names included. Cannot be combined with copyWithoutTemplating.",
              "type": "array",
              "items": { "type": "string" }
            },
            "templateFileExtension": {
              "title": "Template File Extension",
              "description": "Only files with this extension are rendered, and lose it. Defaults to .sbn (Scriban).",
              "type": ["string", "boolean"]
            },
            "cookiecutterCompat": {
              "title": "Cookiecutter compatibility mode",
              "description": "Expose the values as cookiecutter.<name> instead of values.<name>.",
              "type": "boolean"
            },
            "replace": {
              "title": "Replace files",
              "description": "Overwrite files that already exist in the workspace (default: keep them).",
              "type": "boolean"
            },
            "trimBlocks": {
              "title": "Trim Blocks",
              "description": "Nunjucks option; Scriban templates control whitespace with {{~ and ~}} instead, so it has no effect.",
              "type": "boolean"
            },
            "lstripBlocks": {
              "title": "Lstrip Blocks",
              "description": "Nunjucks option; Scriban templates control whitespace with {{~ and ~}} instead, so it has no effect.",
              "type": "boolean"
            },
            "token": {
              "title": "Token",
              "description": "Bearer token sent when the skeleton is downloaded over http(s).",
              "type": "string"
            }
          }
        }
        """;

    private readonly ISkeletonTemplateEngine _engine = engine ?? new ScribanSkeletonEngine();

    public override string Id => "fetch:template";

    public override string Description =>
        "Downloads a skeleton, renders its .sbn files (Scriban) and every path with the given values, and places the result in the workspace. Other files are copied byte for byte.";

    public override bool SupportsDryRun => true;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Render the template's skeleton folder into the workspace root.", """
            steps:
              - id: fetch
                name: Fetch skeleton
                action: fetch:template
                input:
                  url: ./skeleton
                  values:
                    name: ${{ parameters.name }}
                    owner: ${{ parameters.owner }}
            """),
        new("Render into a sub-folder, copying CI workflows without rendering their contents.", """
            steps:
              - id: fetch
                action: fetch:template
                input:
                  url: ./skeleton
                  targetPath: ./service
                  copyWithoutTemplating:
                    - .github/workflows/**
                  values:
                    name: ${{ parameters.name }}
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        var url = input.RequiredString("url");
        var targetPath = input.String("targetPath") is { Length: > 0 } given ? given : "./";
        var values = input.Object("values") ?? [];
        var cookiecutter = input.Boolean("cookiecutterCompat");
        var replace = input.Boolean("replace");
        var extension = TemplateFileExtension(input);
        if (input.Has("copyWithoutRender") && input.Has("copyWithoutTemplating"))
        {
            throw new InputError($"{Id}: copyWithoutRender and copyWithoutTemplating can not be used at the same time");
        }

        var copyWithoutRender = Globs(input, "copyWithoutRender");
        var copyWithoutTemplating = Globs(input, "copyWithoutTemplating");
        foreach (var ignored in new[] { "trimBlocks", "lstripBlocks" }.Where(input.Has))
        {
            context.Logger.Warn($"{ignored} has no effect on Scriban templates; use {{{{~ and ~}}}} to trim whitespace");
        }

        var target = InputPaths.Resolve(context, input, "targetPath", targetPath);
        using var skeleton = await fetcher.FetchFolderAsync(url, context.TemplateInfo, input.String("token"), input, context.CancellationToken);
        context.Logger.Info($"Fetching template content from {url}");

        var entries = SkeletonTree.List(skeleton.Path, fetcher.Options.MaxEntries, context.CancellationToken);
        var plan = SkeletonPlanner.Plan(
            entries,
            new SkeletonPlanOptions
            {
                Engine = _engine,
                Context = new JsonObject { [cookiecutter ? "cookiecutter" : "values"] = values.DeepClone() },
                TemplateFileExtension = extension,
                CopyWithoutRender = copyWithoutRender,
                CopyWithoutTemplating = copyWithoutTemplating,
                TargetDirectory = target,
                Workspace = context.WorkspacePath,
            },
            context.CancellationToken);
        if (plan.Problems.Count > 0)
        {
            throw new InputError(
                $"{Id}: the skeleton at {url} cannot be rendered ({plan.Problems.Count} problem{(plan.Problems.Count == 1 ? string.Empty : "s")}):\n  - "
                + string.Join("\n  - ", plan.Problems));
        }

        var result = SkeletonWriter.Apply(plan, context.WorkspacePath, replace, context.CancellationToken);
        var rendered = plan.Operations.Count(o => o.Kind == SkeletonOperationKind.WriteText);
        context.Logger.Info($"Wrote {result.Written} entries to {InputPaths.Display(context, target)} ({rendered} rendered from {extension} templates)");
        if (plan.Skipped.Count > 0)
        {
            context.Logger.Info($"Skipped {plan.Skipped.Count} entries whose path rendered empty: {string.Join(", ", plan.Skipped)}");
        }

        if (result.KeptExisting.Count > 0)
        {
            context.Logger.Info($"Kept {result.KeptExisting.Count} files that already existed (set replace: true to overwrite them): {string.Join(", ", result.KeptExisting)}");
        }
    }

    private string TemplateFileExtension(StepInput input)
    {
        if (!input.Has("templateFileExtension"))
        {
            return DefaultTemplateFileExtension;
        }

        var nunjucks = input.Error("templateFileExtension", $"selects Nunjucks '.njk' files, which this server does not render yet; skeletons here are {_engine.Name} '{DefaultTemplateFileExtension}' files");
        if (input.Raw["templateFileExtension"] is JsonValue value && value.TryGetValue<bool>(out var flag))
        {
            return flag ? throw nunjucks : DefaultTemplateFileExtension;
        }

        var extension = input.String("templateFileExtension")!;
        if (extension == ".njk")
        {
            throw nunjucks;
        }

        if (extension.Length < 2 || !extension.StartsWith('.') || extension.Contains('/', StringComparison.Ordinal))
        {
            throw input.Error("templateFileExtension", $"'{extension}' must be a file extension such as '{DefaultTemplateFileExtension}'");
        }

        return extension;
    }

    private static GlobSet Globs(StepInput input, string name) =>
        GlobSet.Parse(input.Strings(name), (index, e) => input.Error($"{name}[{index}]", $"is not a usable glob: {e.Reason} ('{e.PatternText}')"));
}
