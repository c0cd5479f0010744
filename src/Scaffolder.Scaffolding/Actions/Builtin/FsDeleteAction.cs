using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Inputs;
using Scaffolder.Scaffolding.Actions.Skeletons;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>fs:delete</c>: deletes files and folders in the workspace. Each entry is a path or a glob
/// (<c>**/*.tmp</c>, dot-files included); a path that does not exist is not an error, as in Backstage.
/// Symbolic links are removed themselves, never what they point to.
/// </summary>
public sealed class FsDeleteAction() : BuiltinAction(InputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "required": ["files"],
          "properties": {
            "files": {
              "title": "Files",
              "description": "Paths or glob patterns of files and folders to delete, relative to the workspace.",
              "type": "array",
              "items": { "type": "string" }
            }
          }
        }
        """;

    private static readonly char[] GlobCharacters = ['*', '?', '[', '{', '!'];

    public override string Id => "fs:delete";

    public override string Description => "Deletes files and folders from the workspace.";

    public override bool SupportsDryRun => true;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Delete a file, a folder and every .orig file.", """
            steps:
              - id: delete
                action: fs:delete
                input:
                  files:
                    - unnecessary-file.txt
                    - docs/drafts
                    - '**/*.orig'
            """),
    ];

    protected override Task RunAsync(ActionContext context, StepInput input)
    {
        if (!input.Has("files"))
        {
            throw input.Error("files", "is required and must be an array");
        }

        var patterns = input.Strings("files");
        var targets = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (pattern.IndexOfAny(GlobCharacters) < 0)
            {
                targets.Add(ResolveForDeletion(context, input, $"files[{i}]", pattern));
                continue;
            }

            Glob glob;
            try
            {
                glob = Glob.Parse(pattern);
            }
            catch (GlobException e)
            {
                throw input.Error($"files[{i}]", $"is not a usable glob: {e.Reason} ('{pattern}')");
            }

            if (glob.IsNegated)
            {
                throw input.Error($"files[{i}]", $"'{pattern}' is an exclusion; list what to delete");
            }

            foreach (var match in Matches(context.WorkspacePath, glob, context.CancellationToken))
            {
                targets.Add(ResolveForDeletion(context, input, $"files[{i}]", match));
            }
        }

        // Parents first: once a folder is gone, its children need no separate deletion.
        var deleted = 0;
        string? lastFolder = null;
        foreach (var target in targets)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (lastFolder is not null && RealPaths.IsInside(lastFolder, target))
            {
                continue;
            }

            var isLink = new FileInfo(target).LinkTarget is not null;
            if (!isLink && Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
                lastFolder = target;
            }
            else if (isLink || File.Exists(target))
            {
                File.Delete(target);
            }
            else
            {
                continue;
            }

            deleted++;
            context.Logger.Info($"File {InputPaths.Display(context, target)} deleted successfully");
        }

        if (deleted == 0)
        {
            context.Logger.Info("Nothing matched; no files deleted");
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Confines the path's parent folder, not the entry itself: deleting a symbolic link that points out
    /// of the workspace removes only the link, which is exactly what should happen to it.
    /// </summary>
    private string ResolveForDeletion(ActionContext context, StepInput input, string name, string path)
    {
        var full = InputPaths.Resolve(context, input, name, Path.GetDirectoryName(path.TrimEnd('/')) is { Length: > 0 } parent ? parent : ".");
        var leaf = Path.GetFileName(path.TrimEnd('/'));
        if (leaf is "" or "." or "..")
        {
            var whole = InputPaths.Resolve(context, input, name, path);
            return whole == Path.GetFullPath(context.WorkspacePath)
                ? throw new InputError($"{Id}: input '{name}' ('{path}') names the workspace itself, which cannot be deleted")
                : whole;
        }

        return Path.Combine(full, leaf);
    }

    private static IEnumerable<string> Matches(string workspace, Glob glob, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(workspace);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var info in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
                if (glob.Covers(relative))
                {
                    yield return relative;
                    continue;
                }

                if (info is DirectoryInfo && info.LinkTarget is null)
                {
                    pending.Push(info.FullName);
                }
            }
        }
    }
}
