using System.Text.Json.Nodes;
using Scaffolder.JsonSchema;
using Scaffolder.Scaffolding.Actions;

namespace Scaffolder.Scaffolding.Tests.Support;

/// <summary>
/// A task's surroundings for calling an action directly: a fresh workspace, a template folder (the
/// template's base URL is its <c>template.yaml</c>), a log, and the engine's input check.
/// </summary>
public sealed class ActionHarness : IDisposable
{
    public ActionHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "scaffolder-action-tests", Guid.NewGuid().ToString("N")[..12]);
        Workspace = Directory.CreateDirectory(Path.Combine(Root, "workspace")).FullName;
        TemplateFolder = Directory.CreateDirectory(Path.Combine(Root, "template")).FullName;
        File.WriteAllText(Path.Combine(TemplateFolder, "template.yaml"), "kind: Template\n");
    }

    public string Root { get; }

    public string Workspace { get; }

    public string TemplateFolder { get; }

    public TemplateInfo TemplateInfo => new("template:default/test", new Uri(Path.Combine(TemplateFolder, "template.yaml")).AbsoluteUri);

    public RecordingActionLogger Log { get; } = new();

    public ActionContext Context(JsonObject input, bool dryRun = false, CancellationToken cancellationToken = default, TemplateInfo? templateInfo = null) => new()
    {
        TaskId = "task-1",
        StepId = "step-1",
        WorkspacePath = Workspace,
        Input = input,
        TemplateInfo = templateInfo ?? TemplateInfo,
        Logger = Log,
        IsDryRun = dryRun,
        CancellationToken = cancellationToken,
    };

    /// <summary>Runs the action as the engine does: the input must first pass the action's input schema.</summary>
    public async Task<ActionContext> RunAsync(IScaffolderAction action, JsonObject input, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var errors = JsonSchemaValidator.Validate(action.InputSchema, input);
        Assert.True(errors.Count == 0, $"input fails {action.Id}'s schema: {string.Join("; ", errors)}");
        var context = Context(input, dryRun, cancellationToken);
        await action.ExecuteAsync(context);
        return context;
    }

    /// <summary>Runs the action without the schema check, for inputs the engine would already refuse.</summary>
    public async Task<ActionContext> RunUncheckedAsync(IScaffolderAction action, JsonObject input)
    {
        var context = Context(input);
        await action.ExecuteAsync(context);
        return context;
    }

    public static JsonObject Input(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>YAML read as the catalog reads it (YAML 1.2 core schema types), as a JSON object.</summary>
    public static JsonObject Yaml(string yaml)
    {
        var document = Assert.Single(Catalog.Ingestion.YamlDocuments.Parse(yaml));
        Assert.Null(document.Error);
        return document.Value!.AsObject();
    }

    public string WriteTemplateFile(string relativePath, string content) => Write(TemplateFolder, relativePath, content);

    public string WriteWorkspaceFile(string relativePath, string content) => Write(Workspace, relativePath, content);

    public string ReadWorkspaceFile(string relativePath) => File.ReadAllText(Path.Combine(Workspace, relativePath));

    public bool WorkspaceHas(string relativePath) =>
        File.Exists(Path.Combine(Workspace, relativePath)) || Directory.Exists(Path.Combine(Workspace, relativePath));

    /// <summary>Every file and link in the workspace, relative, sorted.</summary>
    public IReadOnlyList<string> WorkspaceFiles() =>
        Directory.EnumerateFileSystemEntries(Workspace, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(p => !Directory.Exists(p) || new FileInfo(p).LinkTarget is not null)
            .Select(p => Path.GetRelativePath(Workspace, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Write(string folder, string relativePath, string content)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
