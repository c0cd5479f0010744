using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Services;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>
/// <c>catalog:fetch</c>: reads entities from the catalog by reference. A missing entity is an error unless
/// <c>optional</c> is set, in which case its slot is <c>null</c>.
/// </summary>
public sealed class CatalogFetchAction(EntitiesService entities) : BuiltinAction(InputSchemaJson, OutputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "entityRef": {
              "title": "Entity reference",
              "description": "Entity reference of the entity to get",
              "type": "string"
            },
            "entityRefs": {
              "title": "Entity references",
              "description": "Entity references of the entities to get",
              "type": "array",
              "items": { "type": "string" }
            },
            "optional": {
              "title": "Optional",
              "description": "Allow the entity or entities to optionally exist. Default: false",
              "type": "boolean"
            },
            "defaultKind": {
              "title": "Default kind",
              "description": "The default kind",
              "type": "string"
            },
            "defaultNamespace": {
              "title": "Default namespace",
              "description": "The default namespace",
              "type": "string"
            }
          }
        }
        """;

    private const string OutputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "entity": {
              "title": "Entity found by the entity reference",
              "type": ["object", "null"],
              "description": "Object containing same values used in the Entity schema. Only when used with `entityRef` parameter."
            },
            "entities": {
              "title": "Entities found by the entity references",
              "type": "array",
              "items": { "type": ["object", "null"] },
              "description": "Array containing objects with same values used in the Entity schema. Only when used with `entityRefs` parameter."
            }
          }
        }
        """;

    public override string Id => "catalog:fetch";

    public override string Description => "Returns entity or entities from the catalog by entity reference(s)";

    public override bool SupportsDryRun => true;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Fetch the owner group of the new component.", """
            steps:
              - id: fetch-owner
                action: catalog:fetch
                input:
                  entityRef: ${{ parameters.owner }}
                  defaultKind: group
            """),
        new("Fetch several entities, tolerating missing ones.", """
            steps:
              - id: fetch-many
                action: catalog:fetch
                input:
                  entityRefs:
                    - component:default/payments
                    - group:default/team-a
                  optional: true
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        var entityRef = input.String("entityRef");
        var entityRefs = input.Has("entityRefs") ? input.Strings("entityRefs") : null;
        if (string.IsNullOrEmpty(entityRef) && entityRefs is null)
        {
            throw new InputError($"{Id}: missing entity reference or references; give entityRef or entityRefs");
        }

        var optional = input.Boolean("optional");
        var defaultKind = input.String("defaultKind");
        var defaultNamespace = input.String("defaultNamespace");

        if (!string.IsNullOrEmpty(entityRef))
        {
            var parsed = Parse(input, "entityRef", entityRef, defaultKind, defaultNamespace);
            var json = await entities.GetByRefAsync(parsed, context.CancellationToken);
            if (json is null && !optional)
            {
                throw new NotFoundError($"{Id}: entity {entityRef} not found");
            }

            context.Output("entity", json is null ? null : JsonNode.Parse(json));
        }

        if (entityRefs is not null)
        {
            var canonical = entityRefs.Select((r, i) => Parse(input, $"entityRefs[{i}]", r, defaultKind, defaultNamespace).ToString()).ToList();
            var found = await entities.GetByRefsAsync(canonical, [], null, [], context.CancellationToken);
            var result = new JsonArray();
            for (var i = 0; i < found.Count; i++)
            {
                if (found[i] is null && !optional)
                {
                    throw new NotFoundError($"{Id}: entity {entityRefs[i]} not found");
                }

                result.Add(found[i] is { } json ? JsonNode.Parse(json) : null);
            }

            context.Output("entities", result);
        }
    }

    private EntityRef Parse(StepInput input, string name, string reference, string? defaultKind, string? defaultNamespace)
    {
        if (!EntityRef.TryParse(reference, out var parsed, out var error, defaultKind, defaultNamespace))
        {
            throw input.Error(name, $"'{reference}' is not an entity reference: {error}");
        }

        return parsed;
    }
}
