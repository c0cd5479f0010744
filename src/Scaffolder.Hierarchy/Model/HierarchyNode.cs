using System.Text.Json.Nodes;
using Scaffolder.Storage.Hierarchy;

namespace Scaffolder.Hierarchy.Model;

/// <summary>
/// A node as stored: where it sits in the tree, its own definition, lifecycle state and revision.
/// Tags, config and locks are parsed on first use, so walking a large tree touches only what it reads.
/// </summary>
public sealed class HierarchyNode
{
    private readonly NodeRecord _record;
    private IReadOnlyDictionary<string, string>? _tags;
    private IReadOnlyDictionary<string, JsonNode>? _config;
    private LockedKeys? _locked;

    private HierarchyNode(NodeRecord record)
    {
        _record = record;
        Level = NodeLevels.FromWire(record.Level);
        State = NodeStates.FromWire(record.State);
    }

    public string Id => _record.Id;

    public string Namespace => _record.Namespace;

    public string Name => _record.Name;

    public NodeKey Key => new(Namespace, Name);

    public NodeLevel Level { get; }

    public string? ParentId => _record.ParentId;

    public string? Title => _record.Title;

    public string? Description => _record.Description;

    /// <summary>The node's own owner (canonical entity ref); descendants inherit the nearest one.</summary>
    public string? Owner => _record.Owner;

    public bool Abstract => _record.IsAbstract;

    public IReadOnlyDictionary<string, string> Tags => _tags ??= NodeJson.ParseTags(_record.TagsJson);

    public IReadOnlyDictionary<string, JsonNode> Config => _config ??= NodeJson.ParseConfig(_record.ConfigJson);

    public LockedKeys Locked => _locked ??= LockedKeys.FromJson(NodeJson.ParseObject(_record.LockedJson));

    public NodeDefinition Definition => new(Title, Description, Owner, Abstract, Tags, Config, Locked);

    public NodeState State { get; }

    public long Revision => _record.Revision;

    public long? PlannedRevision => _record.PlannedRevision;

    /// <summary>Effective values as they were when last planned (see <see cref="EffectiveSnapshot"/>).</summary>
    public string? PlannedJson => _record.PlannedJson;

    public long? ProvisionedRevision => _record.ProvisionedRevision;

    /// <summary>Effective values as they were when last provisioned.</summary>
    public string? ProvisionedJson => _record.ProvisionedJson;

    public DateTime CreatedAt => _record.CreatedAt;

    public DateTime UpdatedAt => _record.UpdatedAt;

    public NodeRecord Record => _record;

    /// <summary>True when the node defines no tags, config or locks of its own (cheap: no parsing).</summary>
    public bool HasNoOwnValues => _record.TagsJson == "{}" && _record.ConfigJson == "{}" && LockedIsEmpty(_record.LockedJson);

    public static HierarchyNode FromRecord(NodeRecord record) => new(record);

    public static HierarchyNode New(
        string id, NodeKey key, NodeLevel level, string? parentId, NodeDefinition definition, DateTime now) =>
        new(new NodeRecord(
            id, key.Namespace, key.Name, level.ToWire(), parentId, definition.Title, definition.Description, definition.Owner, definition.Abstract,
            NodeJson.Serialize(NodeJson.TagsToJson(definition.Tags)), NodeJson.Serialize(NodeJson.ConfigToJson(definition.Config)),
            NodeJson.Serialize(definition.Locked.ToJson()), NodeState.Created.ToWire(), 1, null, null, null, null, now, now));

    /// <summary>A copy with a new definition, at the next revision.</summary>
    public HierarchyNode WithDefinition(NodeDefinition definition, NodeState state, DateTime now) =>
        new(_record with
        {
            Title = definition.Title,
            Description = definition.Description,
            Owner = definition.Owner,
            IsAbstract = definition.Abstract,
            TagsJson = NodeJson.Serialize(NodeJson.TagsToJson(definition.Tags)),
            ConfigJson = NodeJson.Serialize(NodeJson.ConfigToJson(definition.Config)),
            LockedJson = NodeJson.Serialize(definition.Locked.ToJson()),
            State = state.ToWire(),
            Revision = Revision + 1,
            UpdatedAt = now,
        });

    /// <summary>A copy under another parent, at the next revision.</summary>
    public HierarchyNode WithParent(string parentId, NodeState state, DateTime now) =>
        new(_record with { ParentId = parentId, State = state.ToWire(), Revision = Revision + 1, UpdatedAt = now });

    /// <summary>A copy in another lifecycle state, at the next revision.</summary>
    public HierarchyNode WithState(NodeState state, DateTime now) =>
        new(_record with { State = state.ToWire(), Revision = Revision + 1, UpdatedAt = now });

    public HierarchyNode WithPlan(string effectiveJson, DateTime now) =>
        new(_record with
        {
            State = NodeState.Planned.ToWire(),
            Revision = Revision + 1,
            PlannedRevision = Revision + 1,
            PlannedJson = effectiveJson,
            UpdatedAt = now,
        });

    public HierarchyNode WithProvisioned(string effectiveJson, DateTime now) =>
        new(_record with
        {
            State = NodeState.Provisioned.ToWire(),
            Revision = Revision + 1,
            ProvisionedRevision = Revision + 1,
            ProvisionedJson = effectiveJson,
            UpdatedAt = now,
        });

    public override string ToString() => $"{Level.ToWire()} '{Name}'";

    private static bool LockedIsEmpty(string json) => json is "{}" or "{\"tags\":[],\"config\":[]}";
}
