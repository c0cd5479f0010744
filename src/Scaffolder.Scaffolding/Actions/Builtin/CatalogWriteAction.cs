using System.Text;
using Scaffolder.Scaffolding.Actions.Catalog;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary><c>catalog:write</c>: writes an entity as a YAML catalog descriptor into the workspace.</summary>
public sealed class CatalogWriteAction() : BuiltinAction(InputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "required": ["entity"],
          "properties": {
            "filePath": {
              "title": "Catalog file path",
              "description": "Defaults to catalog-info.yaml",
              "type": "string"
            },
            "entity": {
              "title": "Entity info to write catalog-info.yaml",
              "description": "You can provide the same values used in the Entity schema.",
              "type": "object"
            }
          }
        }
        """;

    public override string Id => "catalog:write";

    public override string Description => "Writes the catalog-info.yaml for your template";

    public override bool SupportsDryRun => true;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Write a Component descriptor.", """
            steps:
              - id: write
                action: catalog:write
                input:
                  filePath: catalog-info.yaml
                  entity:
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: ${{ parameters.name }}
                    spec:
                      type: service
                      lifecycle: experimental
                      owner: ${{ parameters.owner }}
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        var entity = input.Object("entity") ?? throw input.Error("entity", "is required and must be an object");
        var filePath = input.String("filePath") is { Length: > 0 } given ? given : "catalog-info.yaml";
        var target = InputPaths.Resolve(context, input, "filePath", filePath);
        if (Directory.Exists(target))
        {
            throw input.Error("filePath", $"'{filePath}' is a folder; give the path of the file to write");
        }

        context.Logger.Info($"Writing {filePath}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        InputPaths.Resolve(context, input, "filePath", filePath);
        if (new FileInfo(target).LinkTarget is not null)
        {
            File.Delete(target);
        }

        await File.WriteAllTextAsync(target, EntityYaml.Write(entity), new UTF8Encoding(false), context.CancellationToken);
    }
}
