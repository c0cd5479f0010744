using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Inheritance;

namespace Scaffolder.Hierarchy.Service;

/// <summary>An effective value and where it comes from: the node that set it, and the node that locks it (if any).</summary>
public sealed record InheritedValueView(JsonNode? Value, string From, string FromLevel, string? LockedBy);

/// <summary>Keys locked at or above a node, each with the node that locks it.</summary>
public sealed record EffectiveLocksView(IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, string> Config);

/// <summary>A node's effective owner, tags and config, with provenance.</summary>
public sealed record EffectiveView(
    InheritedValueView? Owner,
    IReadOnlyDictionary<string, InheritedValueView> Tags,
    IReadOnlyDictionary<string, InheritedValueView> Config,
    EffectiveLocksView Locks);

/// <summary>Keys a node locks for its descendants.</summary>
public sealed record LockedKeysView(IReadOnlyList<string> Tags, IReadOnlyList<string> Config);

/// <summary>
/// A node: its own definition, its place in the tree (<see cref="Path"/> lists names from the account
/// down), lifecycle, revision, and effective values. <see cref="PendingChanges"/> is true when the
/// effective values differ from those last provisioned (always, before the first provisioning).
/// </summary>
public sealed record NodeView(
    string Id,
    string Namespace,
    string Name,
    string Level,
    string? Parent,
    IReadOnlyList<string> Path,
    string? Title,
    string? Description,
    string? Owner,
    bool Abstract,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, JsonNode> Config,
    LockedKeysView Locked,
    string State,
    long Revision,
    long? PlannedRevision,
    long? ProvisionedRevision,
    bool PendingChanges,
    string EntityRef,
    EffectiveView Effective,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>A page of nodes.</summary>
public sealed record NodeListView(IReadOnlyList<NodeView> Items, long TotalItems, int Limit, int Offset);

/// <summary>
/// A node in a tree, with its children. <see cref="Owner"/> is the effective owner; <see cref="Tags"/>
/// and <see cref="Config"/> are the effective values (without provenance), present only when asked for.
/// </summary>
public sealed record TreeNodeView(
    string Id,
    string Namespace,
    string Name,
    string Level,
    string? Title,
    string State,
    long Revision,
    bool Abstract,
    string? Owner,
    string EntityRef,
    IReadOnlyDictionary<string, string>? Tags,
    IReadOnlyDictionary<string, JsonNode>? Config,
    IReadOnlyList<TreeNodeView> Children);

/// <summary>A forest: every account (of a namespace, when asked) with everything below it.</summary>
public sealed record TreeView(IReadOnlyList<TreeNodeView> Items, int TotalNodes);

/// <summary>The result of planning: the node, and what provisioning it would change relative to the last provisioned values.</summary>
public sealed record PlanView(NodeView Node, long? BaselineRevision, ValueDiff Changes);

/// <summary>One kept revision of a node: its definition and state after the change that made it.</summary>
public sealed record RevisionView(
    long Revision,
    string Operation,
    string State,
    string Actor,
    DateTime At,
    JsonObject Snapshot,
    JsonObject? Details);

public sealed record RevisionListView(string Node, IReadOnlyList<RevisionView> Items);

/// <summary>What changed in a node's definition and state between two revisions.</summary>
public sealed record RevisionDiffView(string Node, long From, long To, ValueDiff Changes);

/// <summary>One audit log entry: who did what to which node, when, and the node before and after.</summary>
public sealed record AuditEntryView(
    long Id,
    DateTime At,
    string Actor,
    string Action,
    string Namespace,
    string Name,
    string Level,
    long Revision,
    JsonObject? Before,
    JsonObject? After);

/// <summary>A page of audit entries, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next page.</summary>
public sealed record AuditPageView(IReadOnlyList<AuditEntryView> Items, string? NextCursor);

/// <summary>The outcome of importing an estate.</summary>
public sealed record ImportResultView(int Created, IReadOnlyList<string> Roots);
