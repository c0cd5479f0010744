using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>fs:rename</c>: moves files or folders inside the workspace, in order. Every path is checked before
/// anything moves; a destination that exists is an error unless <c>overwrite</c> is set.
/// </summary>
public sealed class FsRenameAction() : BuiltinAction(InputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "required": ["files"],
          "properties": {
            "files": {
              "title": "Files",
              "description": "A list of files and folders to rename, each with a source (from) and a destination (to) inside the workspace.",
              "type": "array",
              "items": {
                "type": "object",
                "required": ["from", "to"],
                "properties": {
                  "from": { "type": "string", "title": "The source location of the file to be renamed" },
                  "to": { "type": "string", "title": "The destination of the new file" },
                  "overwrite": { "type": "boolean", "title": "Overwrite existing file or directory, default is false" }
                }
              }
            }
          }
        }
        """;

    public override string Id => "fs:rename";

    public override string Description => "Renames files or folders in the workspace.";

    public override bool SupportsDryRun => true;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Rename a file and a folder.", """
            steps:
              - id: rename
                action: fs:rename
                input:
                  files:
                    - from: README.template.md
                      to: README.md
                    - from: src/service
                      to: src/${{ parameters.name }}
                      overwrite: true
            """),
    ];

    protected override Task RunAsync(ActionContext context, StepInput input)
    {
        var files = input.Array("files") ?? throw input.Error("files", "is required and must be an array");
        var moves = new List<(string From, string To, bool Overwrite, string Label)>();
        for (var i = 0; i < files.Count; i++)
        {
            var label = $"files[{i}]";
            if (files[i] is not JsonObject item)
            {
                throw input.Error(label, $"must be an object with 'from' and 'to', not {StepInput.Describe(files[i])}");
            }

            var entry = new StepInput(Id, item);
            var from = entry.String("from");
            var to = entry.String("to");
            if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
            {
                throw input.Error(label, "must have a 'from' and a 'to' path");
            }

            moves.Add((
                InputPaths.Resolve(context, input, $"{label}.from", from),
                InputPaths.Resolve(context, input, $"{label}.to", to),
                entry.Boolean("overwrite"),
                label));
        }

        foreach (var (from, to, overwrite, label) in moves)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Move(context, from, to, overwrite, label);
        }

        return Task.CompletedTask;
    }

    private void Move(ActionContext context, string from, string to, bool overwrite, string label)
    {
        var shownFrom = InputPaths.Display(context, from);
        var shownTo = InputPaths.Display(context, to);
        var source = new FileInfo(from);
        var isLink = source.LinkTarget is not null;
        var isDirectory = !isLink && Directory.Exists(from);
        if (!isLink && !isDirectory && !source.Exists)
        {
            throw new InputError($"{Id}: {label}: the source '{shownFrom}' does not exist");
        }

        if (from == to)
        {
            return;
        }

        if (isDirectory && RealPaths.IsInside(from, to))
        {
            throw new InputError($"{Id}: {label}: cannot move '{shownFrom}' into itself ('{shownTo}')");
        }

        if (Exists(to))
        {
            if (!overwrite)
            {
                throw new InputError($"{Id}: {label}: the destination '{shownTo}' already exists; set overwrite: true to replace it");
            }

            Remove(to);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        if (isDirectory)
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }

        context.Logger.Info($"Renamed {shownFrom} to {shownTo}");
    }

    private static bool Exists(string path) => new FileInfo(path).LinkTarget is not null || File.Exists(path) || Directory.Exists(path);

    private static void Remove(string path)
    {
        if (new FileInfo(path).LinkTarget is null && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}
