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

    /// <summary>
    /// Null: every text file is rendered (Backstage's default). Otherwise only files with this extension
    /// are rendered, and lose it in their output name; every path is rendered either way.
    /// </summary>
    public string? TemplateFileExtension { get; init; }

    /// <summary>Entries whose names are rendered but whose contents are copied as is.</summary>
    public GlobSet CopyWithoutTemplating { get; init; } = GlobSet.Empty;

    /// <summary>Entries copied as is, names included.</summary>
    public GlobSet CopyWithoutRender { get; init; } = GlobSet.Empty;

    /// <summary>When two entries produce the same file, the later one wins (otherwise the first is kept).</summary>
    public bool Replace { get; init; }

    /// <summary>The folder output goes to (full path); no output may land outside it.</summary>
    public required string TargetDirectory { get; init; }

    /// <summary>The task workspace (full path); symbolic links in the output must point inside it.</summary>
    public required string Workspace { get; init; }

    /// <summary>Stop collecting problems after this many.</summary>
    public int MaxProblems { get; init; } = 20;
}

/// <summary>
/// Turns a skeleton listing into a plan of writes, doing every render up front: a skeleton with errors
/// fails before anything is written. Follows Backstage's fetch:template: each entry's relative path
/// (folders with a trailing <c>/</c>) is rendered; a path that renders empty, starting with <c>/</c> or
/// containing <c>//</c> is skipped (the idiom for optional files); binary files and symbolic links are
/// copied, never rendered; rendered paths must stay inside the target folder.
/// </summary>
public static class SkeletonPlanner
{
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static SkeletonPlan Plan(IReadOnlyList<SkeletonEntry> entries, SkeletonPlanOptions options, CancellationToken cancellationToken)
    {
        var operations = new List<SkeletonOperation?>();
        var skipped = new List<string>();
        var duplicates = new List<string>();
        var problems = new List<string>();
        var outputs = new Dictionary<string, (int Index, string Source, SkeletonEntryKind Kind)>(StringComparer.Ordinal);
        var targetRoot = Path.GetFullPath(options.TargetDirectory);
        var context = options.Engine?.Prepare(options.Context);

        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (problems.Count >= options.MaxProblems)
            {
                break;
            }

            var (outputPath, renderContents) = OutputOf(entry, options, context, problems, cancellationToken);
            if (outputPath is null)
            {
                continue;
            }

            if (outputPath.Length == 0 || outputPath.StartsWith('/') || outputPath.Contains("//", StringComparison.Ordinal))
            {
                skipped.Add(entry.RelativePath);
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(targetRoot, outputPath.TrimEnd('/')));
            if (target == targetRoot && entry.Kind == SkeletonEntryKind.Directory)
            {
                continue;
            }

            if (!RealPaths.IsInside(targetRoot, target) || target == targetRoot)
            {
                problems.Add(outputPath == entry.RelativePath
                    ? $"'{entry.RelativePath}' would be written outside the target folder"
                    : $"'{entry.RelativePath}' renders to '{outputPath.TrimEnd('/')}', which is outside the target folder");
                continue;
            }

            if (outputs.TryGetValue(target, out var other))
            {
                if (entry.Kind == SkeletonEntryKind.Directory && other.Kind == SkeletonEntryKind.Directory)
                {
                    continue;
                }

                if (entry.Kind == SkeletonEntryKind.Directory || other.Kind == SkeletonEntryKind.Directory)
                {
                    problems.Add($"'{other.Source}' and '{entry.RelativePath}' both produce '{Path.GetRelativePath(targetRoot, target).Replace('\\', '/')}', one as a folder and one as a file");
                    continue;
                }

                // Backstage writes entries in turn and keeps an existing file unless asked to replace it.
                duplicates.Add(options.Replace ? $"'{entry.RelativePath}' replaces '{other.Source}'" : $"'{entry.RelativePath}' is left out: '{other.Source}' already produced its file");
                if (!options.Replace)
                {
                    continue;
                }

                operations[other.Index] = null;
            }

            var operation = entry.Kind switch
            {
                SkeletonEntryKind.Directory => new SkeletonOperation(SkeletonOperationKind.CreateDirectory, entry, target),
                SkeletonEntryKind.SymbolicLink => PlanLink(entry, target, options, problems),
                _ when renderContents => RenderFile(entry, target, options, context!, problems, cancellationToken),
                _ => new SkeletonOperation(SkeletonOperationKind.CopyFile, entry, target),
            };
            if (operation is not null)
            {
                outputs[target] = (operations.Count, entry.RelativePath, entry.Kind);
                operations.Add(operation);
            }
        }

        return new SkeletonPlan(operations.OfType<SkeletonOperation>().ToList(), skipped, problems) { Duplicates = duplicates };
    }

    /// <summary>The entry's output path relative to the target (folders end in <c>/</c>; null after a problem) and whether its contents are rendered.</summary>
    private static (string? Path, bool RenderContents) OutputOf(SkeletonEntry entry, SkeletonPlanOptions options, ISkeletonContext? context, List<string> problems, CancellationToken cancellationToken)
    {
        var location = entry.Kind == SkeletonEntryKind.Directory ? entry.RelativePath + "/" : entry.RelativePath;
        if (options.Engine is null)
        {
            return (location, false);
        }

        if (options.TemplateFileExtension is { Length: > 0 } extension)
        {
            var renderContents = entry.Kind != SkeletonEntryKind.Directory && Extension(entry.RelativePath) == extension;
            var stripped = renderContents ? location[..^extension.Length] : location;
            return (RenderPath(entry, stripped, options, context!, problems, cancellationToken), renderContents);
        }

        var renderNames = options.CopyWithoutRender.IsEmpty;
        var copyOnly = renderNames ? options.CopyWithoutTemplating : options.CopyWithoutRender;
        var render = !copyOnly.Matches(entry.RelativePath);
        return (renderNames || render ? RenderPath(entry, location, options, context!, problems, cancellationToken) : location, render);
    }

    /// <summary>Node's <c>path.extname</c> of the last segment: from its last dot, unless that dot starts the name.</summary>
    private static string Extension(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? string.Empty : name[dot..];
    }

    private static string? RenderPath(SkeletonEntry entry, string path, SkeletonPlanOptions options, ISkeletonContext context, List<string> problems, CancellationToken cancellationToken)
    {
        var engine = options.Engine!;
        if (!engine.MayContainExpressions(path))
        {
            return path;
        }

        try
        {
            return engine.Compile(path, entry.RelativePath).Render(context, cancellationToken).Replace('\\', '/');
        }
        catch (SkeletonTemplateException e)
        {
            problems.Add($"the path '{entry.RelativePath}' cannot be rendered (line {e.Line}, column {e.Column}): {e.Reason}");
            return null;
        }
    }

    private static SkeletonOperation? RenderFile(SkeletonEntry entry, string target, SkeletonPlanOptions options, ISkeletonContext context, List<string> problems, CancellationToken cancellationToken)
    {
        var bytes = File.ReadAllBytes(entry.FullPath);
        if (BinaryContent.IsBinary(bytes))
        {
            return new SkeletonOperation(SkeletonOperationKind.CopyFile, entry, target);
        }

        // Decoded as Node decodes UTF-8: a byte-order mark stays part of the text, bad bytes become U+FFFD.
        var text = LenientUtf8.GetString(bytes);
        var engine = options.Engine!;
        if (!engine.MayContainExpressions(text))
        {
            return new SkeletonOperation(SkeletonOperationKind.WriteText, entry, target) { Content = text };
        }

        try
        {
            var content = engine.Compile(text, entry.RelativePath).Render(context, cancellationToken);
            return new SkeletonOperation(SkeletonOperationKind.WriteText, entry, target) { Content = content };
        }
        catch (SkeletonTemplateException e)
        {
            problems.Add($"the file '{entry.RelativePath}' cannot be rendered (line {e.Line}, column {e.Column}): {e.Reason}");
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
public sealed record SkeletonPlan(IReadOnlyList<SkeletonOperation> Operations, IReadOnlyList<string> Skipped, IReadOnlyList<string> Problems)
{
    /// <summary>Entries producing a file another entry also produced, and which one was kept.</summary>
    public IReadOnlyList<string> Duplicates { get; init; } = [];
}
