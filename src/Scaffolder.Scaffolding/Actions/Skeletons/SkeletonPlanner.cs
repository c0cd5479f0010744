using System.Text;
using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Actions.Skeletons;

/// <summary>How a skeleton becomes files: which paths and contents are rendered, and where output goes.</summary>
public sealed record SkeletonPlanOptions
{
    /// <summary>The template language; null copies everything as is (names included), as <c>fetch:plain</c> does.</summary>
    public ISkeletonTemplateEngine? Engine { get; init; }

    /// <summary>What templates see (<c>{ values: … }</c>).</summary>
    public JsonObject Context { get; init; } = [];

    /// <summary>Only files ending in this are rendered, and lose it in their output name; null renders no file contents.</summary>
    public string? TemplateFileExtension { get; init; }

    /// <summary>Entries whose names are rendered but whose contents are copied as is.</summary>
    public GlobSet CopyWithoutTemplating { get; init; } = GlobSet.Empty;

    /// <summary>Entries copied as is, names included.</summary>
    public GlobSet CopyWithoutRender { get; init; } = GlobSet.Empty;

    /// <summary>The folder output goes to (full path); no output may land outside it.</summary>
    public required string TargetDirectory { get; init; }

    /// <summary>The task workspace (full path); symbolic links in the output must point inside it.</summary>
    public required string Workspace { get; init; }

    /// <summary>Stop collecting problems after this many.</summary>
    public int MaxProblems { get; init; } = 20;
}

/// <summary>
/// Turns a skeleton listing into a plan of writes, doing every render up front: a skeleton with errors
/// fails before anything is written. Follows Backstage's fetch:template: each entry's relative path is
/// rendered; a path that renders empty, starting with <c>/</c> or containing <c>//</c> is skipped (the
/// idiom for optional files); rendered paths must stay inside the target folder; two entries may not
/// render to the same output.
/// </summary>
public static class SkeletonPlanner
{
    public static SkeletonPlan Plan(IReadOnlyList<SkeletonEntry> entries, SkeletonPlanOptions options, CancellationToken cancellationToken)
    {
        var operations = new List<SkeletonOperation>();
        var skipped = new List<string>();
        var problems = new List<string>();
        var outputs = new Dictionary<string, (string Source, SkeletonEntryKind Kind)>(StringComparer.Ordinal);
        var targetRoot = Path.GetFullPath(options.TargetDirectory);

        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (problems.Count >= options.MaxProblems)
            {
                break;
            }

            var literal = options.Engine is null || options.CopyWithoutRender.Matches(entry.RelativePath);
            var outputPath = literal ? entry.RelativePath : RenderPath(entry, options, problems, cancellationToken);
            if (outputPath is null)
            {
                continue;
            }

            if (outputPath.Length == 0 || outputPath.StartsWith('/') || outputPath.Contains("//", StringComparison.Ordinal))
            {
                skipped.Add(entry.RelativePath);
                continue;
            }

            var isTemplate = !literal
                && entry.Kind == SkeletonEntryKind.File
                && options.TemplateFileExtension is { Length: > 0 } extension
                && entry.RelativePath.EndsWith(extension, StringComparison.Ordinal)
                && !options.CopyWithoutTemplating.Matches(entry.RelativePath);
            if (isTemplate && outputPath.EndsWith(options.TemplateFileExtension!, StringComparison.Ordinal))
            {
                outputPath = outputPath[..^options.TemplateFileExtension!.Length];
                if (outputPath.Length == 0 || outputPath.EndsWith('/'))
                {
                    problems.Add($"'{entry.RelativePath}': the name is empty once '{options.TemplateFileExtension}' is removed");
                    continue;
                }
            }

            var target = Path.GetFullPath(Path.Combine(targetRoot, outputPath));
            if (target == targetRoot && entry.Kind == SkeletonEntryKind.Directory)
            {
                continue;
            }

            if (!RealPaths.IsInside(targetRoot, target) || target == targetRoot)
            {
                problems.Add(outputPath == entry.RelativePath
                    ? $"'{entry.RelativePath}' would be written outside the target folder"
                    : $"'{entry.RelativePath}' renders to '{outputPath}', which is outside the target folder");
                continue;
            }

            if (outputs.TryGetValue(target, out var other))
            {
                // Two folders rendering to the same name merge; anything else would overwrite one with the other.
                if (entry.Kind != SkeletonEntryKind.Directory || other.Kind != SkeletonEntryKind.Directory)
                {
                    problems.Add($"'{other.Source}' and '{entry.RelativePath}' both produce '{Path.GetRelativePath(targetRoot, target)}'");
                }

                continue;
            }

            outputs[target] = (entry.RelativePath, entry.Kind);
            var operation = entry.Kind switch
            {
                SkeletonEntryKind.Directory => new SkeletonOperation(SkeletonOperationKind.CreateDirectory, entry, target),
                SkeletonEntryKind.SymbolicLink => PlanLink(entry, target, options, problems),
                _ when isTemplate => RenderFile(entry, target, options, problems, cancellationToken),
                _ => new SkeletonOperation(SkeletonOperationKind.CopyFile, entry, target),
            };
            if (operation is not null)
            {
                operations.Add(operation);
            }
        }

        return new SkeletonPlan(operations, skipped, problems);
    }

    private static string? RenderPath(SkeletonEntry entry, SkeletonPlanOptions options, List<string> problems, CancellationToken cancellationToken)
    {
        var engine = options.Engine!;
        if (!engine.MayContainExpressions(entry.RelativePath))
        {
            return entry.RelativePath;
        }

        try
        {
            var rendered = engine.Compile(entry.RelativePath, entry.RelativePath).Render(options.Context, cancellationToken);
            return rendered.Trim().Replace('\\', '/');
        }
        catch (SkeletonTemplateException e)
        {
            problems.Add($"the path '{entry.RelativePath}' could not be rendered: {e.Message}");
            return null;
        }
    }

    private static SkeletonOperation? RenderFile(SkeletonEntry entry, string target, SkeletonPlanOptions options, List<string> problems, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = File.ReadAllText(entry.FullPath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            problems.Add($"'{entry.RelativePath}' is not UTF-8 text, so it cannot be a template; drop its '{options.TemplateFileExtension}' suffix to copy it as is");
            return null;
        }

        try
        {
            var content = options.Engine!.Compile(text, entry.RelativePath).Render(options.Context, cancellationToken);
            return new SkeletonOperation(SkeletonOperationKind.WriteText, entry, target) { Content = content };
        }
        catch (SkeletonTemplateException e)
        {
            problems.Add(e.Message.StartsWith(entry.RelativePath, StringComparison.Ordinal) ? e.Message : $"'{entry.RelativePath}': {e.Message}");
            return null;
        }
    }

    private static SkeletonOperation? PlanLink(SkeletonEntry entry, string target, SkeletonPlanOptions options, List<string> problems)
    {
        var linkTarget = entry.LinkTarget!;
        if (Path.IsPathRooted(linkTarget))
        {
            problems.Add($"'{entry.RelativePath}' is a symbolic link to the absolute path '{linkTarget}'; links in a skeleton must be relative and stay inside the workspace");
            return null;
        }

        var pointsAt = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(target)!, linkTarget));
        if (!RealPaths.IsInside(Path.GetFullPath(options.Workspace), pointsAt))
        {
            problems.Add($"'{entry.RelativePath}' is a symbolic link to '{linkTarget}', which leads outside the workspace");
            return null;
        }

        return new SkeletonOperation(SkeletonOperationKind.CreateLink, entry, target);
    }
}

public enum SkeletonOperationKind
{
    CreateDirectory,
    CopyFile,
    WriteText,
    CreateLink,
}

/// <summary>One write of a plan: <see cref="Source"/> becomes <see cref="TargetPath"/>.</summary>
public sealed record SkeletonOperation(SkeletonOperationKind Kind, SkeletonEntry Source, string TargetPath)
{
    /// <summary>The rendered text, for <see cref="SkeletonOperationKind.WriteText"/>.</summary>
    public string? Content { get; init; }
}

/// <summary>The writes a skeleton turns into, the entries skipped because their path rendered empty, and any problems found.</summary>
public sealed record SkeletonPlan(IReadOnlyList<SkeletonOperation> Operations, IReadOnlyList<string> Skipped, IReadOnlyList<string> Problems);
