using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>debug:log</c>: writes a message to the task log and, on request, lists the workspace (file names,
/// or names with contents). Listings are capped so a large workspace cannot flood the log.
/// </summary>
public sealed class DebugLogAction() : BuiltinAction(InputSchemaJson)
{
    public const int MaxListedEntries = 1000;
    public const int MaxContentBytes = 64 * 1024;

    private const string InputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "message": {
              "title": "Message to output.",
              "type": "string"
            },
            "listWorkspace": {
              "title": "List all files in the workspace, if true.",
              "description": "true or \"with-filenames\" lists file names; \"with-contents\" also shows each text file's contents.",
              "oneOf": [
                { "type": "boolean" },
                { "type": "string", "enum": ["with-filenames", "with-contents"] }
              ]
            }
          }
        }
        """;

    public override string Id => "debug:log";

    public override string Description => "Writes a message into the log and/or lists all files in the workspace.";

    public override bool SupportsDryRun => true;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Write a debug message.", """
            steps:
              - id: log
                action: debug:log
                input:
                  message: Hello, ${{ parameters.name }}!
            """),
        new("List the workspace with file contents.", """
            steps:
              - id: log-workspace
                action: debug:log
                input:
                  listWorkspace: with-contents
            """),
    ];

    protected override Task RunAsync(ActionContext context, StepInput input)
    {
        if (input.String("message") is { Length: > 0 } message)
        {
            context.Logger.Info(message);
        }

        var mode = ListMode(input);
        if (mode is null)
        {
            return Task.CompletedTask;
        }

        var files = ListFiles(context.WorkspacePath, context.CancellationToken).ToList();
        var text = new StringBuilder("Workspace:");
        foreach (var file in files.Take(MaxListedEntries))
        {
            var relative = Path.GetRelativePath(context.WorkspacePath, file).Replace('\\', '/');
            text.Append("\n  - ").Append(relative);
            if (mode == "with-contents")
            {
                text.Append(":\n").Append(Indent(ReadForLog(file), "      "));
            }
        }

        if (files.Count > MaxListedEntries)
        {
            text.Append($"\n  ... and {files.Count - MaxListedEntries} more");
        }

        context.Logger.Info(text.ToString());
        return Task.CompletedTask;
    }

    private static string? ListMode(StepInput input)
    {
        var node = input.Raw["listWorkspace"];
        return node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.True => "with-filenames",
            JsonValue value when value.GetValueKind() == JsonValueKind.False => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is "with-filenames" or "with-contents" => value.GetValue<string>(),
            _ => throw input.Error("listWorkspace", $"must be true, false, \"with-filenames\" or \"with-contents\", not {node.ToJsonString()}"),
        };
    }

    private static IEnumerable<string> ListFiles(string root, CancellationToken cancellationToken)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        var files = new List<string>();
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var info in pending.Pop().EnumerateFileSystemInfos())
            {
                if (info is DirectoryInfo directory && info.LinkTarget is null)
                {
                    pending.Push(directory);
                }
                else
                {
                    files.Add(info.FullName);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string ReadForLog(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            return $"(symbolic link to {target})";
        }

        if (info.Length > MaxContentBytes)
        {
            return $"({info.Length} bytes, not shown)";
        }

        var bytes = File.ReadAllBytes(path);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return $"(binary, {bytes.Length} bytes)";
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static string Indent(string text, string prefix) =>
        string.Join('\n', text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(line => prefix + line));
}
