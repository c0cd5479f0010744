using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Execution;
using Scaffolder.Scaffolding.Tasks;
using Scaffolder.Scaffolding.Templates;

namespace Scaffolder.Scaffolding.DryRun;

/// <summary>
/// Runs a template without a task: its files are written to a throwaway folder that serves as the
/// template's base URL, its steps run in a throwaway workspace (actions that cannot dry-run are
/// skipped, their outputs made up from their schemas), and the answer carries the log, the
/// workspace's files and the output. Nothing is stored; both folders are removed afterwards.
/// </summary>
public sealed class DryRunService(WorkflowRunner runner, ActionRegistry actions, ScaffolderOptions options, Expressions.ITemplateExpressionRenderer expressions)
{
    public const string EntityRef = "template:default/dry-run";

    /// <summary>Runs the dry run; a malformed template or request is an <see cref="InputError"/>, invalid values a <see cref="TemplateValuesInvalidError"/>.</summary>
    public async Task<JsonObject> RunAsync(DryRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TemplateDefinition.IsTemplate(request.Template))
        {
            throw new InputError("Input template is not a template");
        }

        var id = Guid.NewGuid().ToString();
        var root = options.ResolveWorkspaceRoot();
        var contents = TaskWorkspace.Create(root, $"dry-run-{id}-contents");
        TaskWorkspace? workspace = null;
        try
        {
            WriteContents(contents.Path, request.DirectoryContents);
            var baseUrl = new Uri(Path.Combine(contents.Path, "template.yaml")).AbsoluteUri;
            var template = TemplateCatalog.Compile(request.Template, EntityRef, baseUrl);
            var values = ParameterValidator.ValidateValues(template, request.Values, expressions);
            ParameterValidator.ValidateSecrets(template, request.Secrets);
            var unknown = template.Definition.Steps.FirstOrDefault(s => actions.Find(s.Action) is null);
            if (unknown is not null)
            {
                throw new InputError($"Template cannot run: step {unknown.Id}: {ActionRegistry.NotRegisteredMessage(unknown.Action)}");
            }

            var spec = TaskSpecBuilder.Build(template.Definition, values, TaskCaller.Anonymous, EntityRef, baseUrl);
            workspace = TaskWorkspace.Create(root, $"dry-run-{id}");
            var log = new CollectingEventSink();
            var outcome = await runner.RunAsync(new WorkflowRun
            {
                TaskId = id,
                Spec = spec,
                Secrets = request.Secrets,
                WorkspacePath = workspace.Path,
                IsDryRun = true,
                Events = log,
                Abort = cancellationToken,
            });

            var result = new JsonObject
            {
                ["log"] = new JsonArray(log.Bodies.Select(body => (JsonNode?)new JsonObject { ["body"] = body.DeepClone() }).ToArray()),
                ["directoryContents"] = new JsonArray(WorkspaceFiles.Read(workspace.Path).Select(f => (JsonNode?)new JsonObject
                {
                    ["path"] = f.Path,
                    ["executable"] = f.Executable,
                    ["base64Content"] = Convert.ToBase64String(f.Content),
                }).ToArray()),
                ["output"] = outcome.Output?.DeepClone() ?? new JsonObject(),
                ["steps"] = spec["steps"]!.DeepClone(),
            };
            if (outcome.Error is not null)
            {
                result["error"] = new JsonObject { ["name"] = outcome.Error.Name, ["message"] = outcome.Error.Message };
            }

            return result;
        }
        finally
        {
            // Removing two trees of files takes a while on a busy disk; the answer does not wait for it.
            var folders = workspace;
            _ = Task.Run(() =>
            {
                folders?.Dispose();
                contents.Dispose();
            });
        }
    }

    private static void WriteContents(string root, IReadOnlyList<DryRunFile> files)
    {
        // The folder is new and only regular files and folders are written to it, so no symbolic link
        // can redirect a write: checking the path as text is enough.
        var rootPrefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        foreach (var file in files)
        {
            if (file.Path.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(file.Path))
            {
                throw new InputError($"Malformed request: directoryContents path \"{file.Path}\" is not usable: it must be relative, not absolute");
            }

            var target = Path.GetFullPath(Path.Combine(root, file.Path));
            if (!target.StartsWith(rootPrefix, StringComparison.Ordinal))
            {
                throw new InputError(Path.TrimEndingDirectorySeparator(target) == rootPrefix.TrimEnd(Path.DirectorySeparatorChar)
                    ? $"Malformed request: directoryContents path \"{file.Path}\" does not name a file"
                    : $"Malformed request: directoryContents path \"{file.Path}\" is not usable: it resolves outside the template folder");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (Directory.Exists(target))
            {
                throw new InputError($"Malformed request: directoryContents path \"{file.Path}\" is also a folder");
            }

            File.WriteAllBytes(target, file.Content);
        }
    }
}
