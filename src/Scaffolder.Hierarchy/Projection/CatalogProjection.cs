using System.Globalization;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Validation;
using Scaffolder.Hierarchy.Inheritance;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Projection;

/// <summary>
/// How a node appears in Backstage's catalog. Accounts, environments, networks and platforms are
/// <c>Resource</c>s of <c>spec.type</c> = level; apps are <c>Component</c>s. Each depends on its parent,
/// so the catalog graph shows the tree. Effective tags become labels where Backstage's label rules
/// allow, otherwise <c>hierarchy.scaffolder.io/tag.&lt;key&gt;</c> annotations; keys that no annotation key can
/// hold go, as JSON, into <c>hierarchy.scaffolder.io/other-tags</c>. The entity name is the node name,
/// unique per namespace across all levels, so two nodes never map to one entity.
/// </summary>
public static class CatalogProjection
{
    public const string ProviderName = "hierarchy";
    public const string AnnotationPrefix = "hierarchy.scaffolder.io/";
    public const string NodeIdAnnotation = AnnotationPrefix + "node-id";
    public const string LevelAnnotation = AnnotationPrefix + "level";
    public const string StateAnnotation = AnnotationPrefix + "state";
    public const string RevisionAnnotation = AnnotationPrefix + "revision";
    public const string AbstractAnnotation = AnnotationPrefix + "abstract";
    public const string TagAnnotationPrefix = AnnotationPrefix + "tag.";
    public const string OtherTagsAnnotation = AnnotationPrefix + "other-tags";

    /// <summary>App config key naming the Component's <c>spec.type</c> (default <c>service</c>).</summary>
    public const string ComponentTypeConfigKey = "componentType";

    public const string DefaultComponentType = "service";

    /// <summary>Recorded as the entities' <c>backstage.io/managed-by-location</c>.</summary>
    public static LocationSpec Origin { get; } = new("hierarchy", "/api/hierarchy");

    public static EntityRef RefOf(NodeLevel level, string @namespace, string name) =>
        new(level == NodeLevel.App ? "component" : "resource", @namespace, name);

    public static EntityRef RefOf(HierarchyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return RefOf(node.Level, node.Namespace, node.Name);
    }

    /// <summary>Backstage <c>spec.lifecycle</c> of an app in this state.</summary>
    public static string Lifecycle(NodeState state) => state switch
    {
        NodeState.Provisioned or NodeState.Updated => "production",
        NodeState.Destroyed or NodeState.Deleted => "deprecated",
        _ => "experimental",
    };

    /// <summary>The entity for <paramref name="node"/>, whose parent is <paramref name="parent"/> (none for accounts).</summary>
    public static JsonObject Entity(HierarchyNode node, EffectiveValues effective, HierarchyNode? parent)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(effective);
        var metadata = new JsonObject { ["name"] = node.Name, ["namespace"] = node.Namespace };
        if (!string.IsNullOrWhiteSpace(node.Title))
        {
            metadata["title"] = node.Title;
        }

        if (!string.IsNullOrWhiteSpace(node.Description))
        {
            metadata["description"] = node.Description;
        }

        var labels = new JsonObject();
        var annotations = new JsonObject
        {
            [NodeIdAnnotation] = node.Id,
            [LevelAnnotation] = node.Level.ToWire(),
            [StateAnnotation] = node.State.ToWire(),
            [RevisionAnnotation] = node.Revision.ToString(CultureInfo.InvariantCulture),
            [AbstractAnnotation] = node.Abstract ? "true" : "false",
        };
        var otherTags = new JsonObject();
        foreach (var (key, tag) in effective.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (FieldFormats.IsValidLabelKey(key) && FieldFormats.IsValidLabelValue(tag.Value))
            {
                labels[key] = tag.Value;
            }
            else if (FieldFormats.IsValidAnnotationKey(TagAnnotationPrefix + key))
            {
                annotations[TagAnnotationPrefix + key] = tag.Value;
            }
            else
            {
                otherTags[key] = tag.Value;
            }
        }

        if (otherTags.Count > 0)
        {
            annotations[OtherTagsAnnotation] = NodeJson.Serialize(otherTags);
        }

        if (labels.Count > 0)
        {
            metadata["labels"] = labels;
        }

        metadata["annotations"] = annotations;
        var owner = effective.Owner?.Value ?? throw new InvalidOperationException($"Node {node.Key} has no effective owner.");
        var spec = node.Level == NodeLevel.App
            ? new JsonObject
            {
                ["type"] = ComponentType(effective),
                ["lifecycle"] = Lifecycle(node.State),
                ["owner"] = owner,
            }
            : new JsonObject { ["type"] = node.Level.ToWire(), ["owner"] = owner };
        if (parent is not null)
        {
            spec["dependsOn"] = new JsonArray(RefOf(parent).ToString());
        }

        return new JsonObject
        {
            ["apiVersion"] = "backstage.io/v1alpha1",
            ["kind"] = node.Level == NodeLevel.App ? "Component" : "Resource",
            ["metadata"] = metadata,
            ["spec"] = spec,
        };
    }

    private static string ComponentType(EffectiveValues effective) =>
        effective.Config.TryGetValue(ComponentTypeConfigKey, out var type)
        && type.Value is JsonValue value
        && value.TryGetValue<string>(out var text)
        && text.Trim().Length > 0
            ? text
            : DefaultComponentType;
}
