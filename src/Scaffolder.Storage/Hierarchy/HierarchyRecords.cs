namespace Scaffolder.Storage.Hierarchy;

/// <summary>
/// A hierarchy node as stored: its own definition (tags, config and locks as JSON text), lifecycle
/// state and revision. Nothing inherited is stored.
/// </summary>
public sealed record NodeRecord(
    string Id,
    string Namespace,
    string Name,
    string Level,
    string? ParentId,
    string? Title,
    string? Description,
    string? Owner,
    bool IsAbstract,
    string TagsJson,
    string ConfigJson,
    string LockedJson,
    string State,
    long Revision,
    long? PlannedRevision,
    string? PlannedJson,
    long? ProvisionedRevision,
    string? ProvisionedJson,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The name as compared for uniqueness (names are unique per namespace ignoring case).</summary>
    public string NameKey => Name.ToLowerInvariant();
}

/// <summary>
/// What a tree shows of a node: its place, identity and state, and (when asked for) its own tags and
/// config as JSON text. Lighter to read than <see cref="NodeRecord"/> for tens of thousands of nodes.
/// </summary>
public sealed record TreeRow(
    string Id,
    string Namespace,
    string Name,
    string Level,
    string? ParentId,
    string? Title,
    string? Owner,
    bool IsAbstract,
    string State,
    long Revision,
    string? TagsJson,
    string? ConfigJson);

/// <summary>A node to insert, with the entries of its own tags for the tag index.</summary>
public sealed record NewNodeRecord(NodeRecord Node, IReadOnlyCollection<KeyValuePair<string, string>> Tags);

/// <summary>One kept revision of a node: its definition and state after a change.</summary>
public sealed record RevisionRecord(
    string NodeId,
    long Revision,
    string Operation,
    string State,
    string SnapshotJson,
    string? DetailsJson,
    string Actor,
    DateTime CreatedAt);

/// <summary>One audit log entry; <see cref="Id"/> is assigned by the database.</summary>
public sealed record AuditRecord(
    long Id,
    string NodeId,
    string Namespace,
    string Name,
    string Level,
    string Action,
    long Revision,
    string Actor,
    DateTime At,
    string? BeforeJson,
    string? AfterJson);

/// <summary>One condition on a node's effective tag: the key has exactly this value, or is set at all when <see cref="Value"/> is null.</summary>
public sealed record TagCondition(string Key, string? Value);

/// <summary>
/// Which nodes to list. Owner and tag conditions apply to effective values: the nearest definition
/// among the node and its ancestors.
/// </summary>
public sealed record NodeQuery
{
    public string? Namespace { get; init; }

    public string? Level { get; init; }

    public string? State { get; init; }

    public string? ParentId { get; init; }

    /// <summary>Canonical owner ref the effective owner must equal.</summary>
    public string? Owner { get; init; }

    public IReadOnlyList<TagCondition> Tags { get; init; } = [];

    public bool IncludeDeleted { get; init; }

    public int Limit { get; init; } = 100;

    public int Offset { get; init; }
}

/// <summary>A page of nodes, the ancestors of every node on it (by id), and how many nodes match in total.</summary>
public sealed record NodePage(
    IReadOnlyList<NodeRecord> Items,
    IReadOnlyDictionary<string, NodeRecord> Ancestors,
    long TotalItems);

/// <summary>Which audit entries to read, newest first; <see cref="Before"/> is the id to continue below.</summary>
public sealed record AuditQuery
{
    public string? NodeId { get; init; }

    public string? Namespace { get; init; }

    public string? Action { get; init; }

    public string? Actor { get; init; }

    public long? Before { get; init; }

    public int Limit { get; init; } = 100;
}

/// <summary>Another node already holds the name in the namespace.</summary>
public sealed class DuplicateNodeException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The node's revision moved on since the caller read it: the write was not applied.</summary>
public sealed class StaleRevisionException(string nodeId, long expectedRevision)
    : Exception($"Node {nodeId} is no longer at revision {expectedRevision}.")
{
    public string NodeId { get; } = nodeId;

    public long ExpectedRevision { get; } = expectedRevision;
}
