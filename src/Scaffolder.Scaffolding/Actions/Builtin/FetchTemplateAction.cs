using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Fetching;
using Scaffolder.Scaffolding.Actions.Inputs;
using Scaffolder.Scaffolding.Actions.Skeletons;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>fetch:template</c>, as Backstage runs it: fetches a skeleton folder and renders every path and
/// every text file with <c>values</c> in Backstage's dialect of Nunjucks (<c>${{ values.name }}</c>,
/// <c>{% if %}</c>; bare <c>{{ }}</c> is text), skipping entries whose path renders empty, starts with
/// <c>/</c> or contains <c>//</c>; binary files and symbolic links are copied, modes kept, existing files
/// kept unless <c>replace</c>. <c>copyWithoutRender</c>/<c>copyWithoutTemplating</c> copy matching
/// entries' contents; <c>templateFileExtension</c> renders only files with that extension (<c>true</c>
/// = <c>.njk</c>) and strips it. Our extension: <c>templateFileExtension: .sbn</c> renders the
/// <c>.sbn</c> files, and every path, with the Scriban front end instead.
/// </summary>
public sealed class FetchTemplateAction(ContentFetcher fetcher, NunjucksSkeletonEngine? nunjucks = null, ScribanSkeletonEngine? scriban = null) : BuiltinAction(InputSchemaJson)
{
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
              "description": "Only files with this extension are rendered, and lose it (true means .njk); every path is still rendered. .sbn renders with Scriban instead of Nunjucks. Cannot be combined with copyWithout* or cookiecutterCompat.",
              "type": ["string", "boolean"]
            },
            "cookiecutterCompat": {
              "title": "Cookiecutter compatibility mode",
              "description": "Cookiecutter's {{ }} delimiters and cookiecutter.<name> values; not supported by this server.",
              "type": "boolean"
            },
            "replace": {
              "title": "Replace files",
              "description": "Overwrite files that already exist in the workspace (default: keep them).",
              "type": "boolean"
            },
            "trimBlocks": {
              "title": "Trim Blocks",
              "description": "Nunjucks' trimBlocks: the first newline after a block tag is removed.",
              "type": "boolean"
            },
            "lstripBlocks": {
              "title": "Lstrip Blocks",
              "description": "Nunjucks' lstripBlocks: whitespace before a block tag at the start of its line is removed.",
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

    private readonly NunjucksSkeletonEngine _nunjucks = nunjucks ?? new NunjucksSkeletonEngine();
    private readonly ScribanSkeletonEngine _scriban = scriban ?? new ScribanSkeletonEngine();

    public override string Id => "fetch:template";

    public override string Description =>
        "Downloads a skeleton and renders every path and text file with the given values in Backstage's Nunjucks dialect (or only the files with templateFileExtension; .sbn selects Scriban), placing the result in the workspace.";

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
                    - .github/workflows/*
                  values:
                    name: ${{ parameters.name }}
            """),
        new("Render only the Scriban .sbn files of a skeleton (this server's own golden-path templates).", """
            steps:
              - id: fetch
                action: fetch:template
                input:
                  url: ./skeleton
                  templateFileExtension: .sbn
                  values:
                    name: ${{ parameters.name }}
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        var url = input.RequiredString("url");
        var targetPath = input.String("targetPath") is { Length: > 0 } given ? given : "./";
        var values = input.Object("values") ?? [];
        var replace = input.Boolean("replace");
        if (input.Has("copyWithoutRender") && input.Has("copyWithoutTemplating"))
        {
            throw new InputError($"{Id} (step {context.StepId}): input copyWithoutRender and copyWithoutTemplating can not be used at the same time");
        }

        var copyWithoutRender = Globs(input, "copyWithoutRender");
        var copyWithoutTemplating = Globs(input, "copyWithoutTemplating");
        var extension = TemplateFileExtension(input);
        if (extension is not null && (input.Has("copyWithoutRender") || input.Has("copyWithoutTemplating") || input.Boolean("cookiecutterCompat")))
        {
            throw input.Error("templateFileExtension", "cannot be combined with copyWithoutRender, copyWithoutTemplating or cookiecutterCompat");
        }

        if (input.Boolean("cookiecutterCompat"))
        {
            throw input.Error("cookiecutterCompat", "is not supported: skeletons here use Backstage's ${{ }} delimiters and values.<name>; fetch:cookiecutter templates need converting");
        }

        var trimBlocks = input.Boolean("trimBlocks");
        var lstripBlocks = input.Boolean("lstripBlocks");
        if (extension == ScribanSkeletonEngine.Extension && (trimBlocks || lstripBlocks))
        {
            throw input.Error(trimBlocks ? "trimBlocks" : "lstripBlocks", "applies to Nunjucks skeletons; Scriban .sbn files control whitespace with {{~ and ~}}");
        }

        var target = InputPaths.Resolve(context, input, "targetPath", targetPath);
        using var skeleton = await fetcher.FetchFolderAsync(url, context.TemplateInfo, input.String("token"), input, context.CancellationToken);
        context.Logger.Info($"Fetching template content from {url}");

        ISkeletonTemplateEngine engine = extension == ScribanSkeletonEngine.Extension ? _scriban : _nunjucks.WithWhitespaceControl(trimBlocks, lstripBlocks);
        var entries = SkeletonTree.List(skeleton.Path, fetcher.Options.MaxEntries, context.CancellationToken);
        context.Logger.Info($"Processing {entries.Count} template files/directories with input values");
        var plan = SkeletonPlanner.Plan(
            entries,
            new SkeletonPlanOptions
            {
                Engine = engine,
                Context = new JsonObject { ["values"] = values.DeepClone() },
                TemplateFileExtension = extension,
                CopyWithoutRender = copyWithoutRender,
                CopyWithoutTemplating = copyWithoutTemplating,
                Replace = replace,
                TargetDirectory = target,
                Workspace = context.WorkspacePath,
            },
            context.CancellationToken);
        if (plan.Problems.Count > 0)
        {
            throw new InputError(
                $"{Id} (step {context.StepId}): the skeleton at {url} cannot be rendered with {engine.Name} ({plan.Problems.Count} problem{(plan.Problems.Count == 1 ? string.Empty : "s")}):\n  - "
                + string.Join("\n  - ", plan.Problems));
        }

        var result = SkeletonWriter.Apply(plan, context.WorkspacePath, replace, context.CancellationToken);
        var rendered = plan.Operations.Count(o => o.Kind == SkeletonOperationKind.WriteText);
        context.Logger.Info($"Template result written to {InputPaths.Display(context, target)}: {result.Written} entries, {rendered} files rendered with {engine.Name}");
        if (plan.Skipped.Count > 0)
        {
            context.Logger.Info($"Skipped {plan.Skipped.Count} entries whose path rendered empty or with an empty segment: {string.Join(", ", plan.Skipped)}");
        }

        foreach (var duplicate in plan.Duplicates)
        {
            context.Logger.Info($"Two entries produce one file: {duplicate}");
        }

        if (result.KeptExisting.Count > 0)
        {
            context.Logger.Info($"Kept {result.KeptExisting.Count} files that already existed (set replace: true to overwrite them): {string.Join(", ", result.KeptExisting)}");
        }
    }

    /// <summary>The extension selecting the files to render (with its dot), or null when every file is rendered.</summary>
    private static string? TemplateFileExtension(StepInput input)
    {
        if (input.Raw["templateFileExtension"] is not JsonValue value)
        {
            return input.Has("templateFileExtension") ? throw input.Error("templateFileExtension", "must be true, false or a file extension such as '.njk'") : null;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return NunjucksSkeletonEngine.Extension;
            case JsonValueKind.False:
                return null;
            case JsonValueKind.String:
                var extension = value.GetValue<string>();
                if (extension.Length == 0)
                {
                    return null;
                }

                extension = extension.StartsWith('.') ? extension : "." + extension;
                return extension.Length < 2 || extension.Contains('/', StringComparison.Ordinal) || extension.Contains('\\', StringComparison.Ordinal)
                    ? throw input.Error("templateFileExtension", $"'{value.GetValue<string>()}' must be a file extension such as '.njk'")
                    : extension;
            default:
                throw input.Error("templateFileExtension", "must be true, false or a file extension such as '.njk'");
        }
    }

    private static GlobSet Globs(StepInput input, string name) =>
        GlobSet.Parse(input.Strings(name), (index, e) => input.Error($"{name}[{index}]", $"is not a usable glob: {e.Reason} ('{e.PatternText}')"));
}
