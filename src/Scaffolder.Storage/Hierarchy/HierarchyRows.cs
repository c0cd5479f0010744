namespace Scaffolder.Storage.Hierarchy;

/// <summary>
/// Row shapes Dapper fills: SQLite hands timestamps back as text and flags as integers, PostgreSQL
/// as values, so both are read loosely and converted to records.
/// </summary>
internal class NodeRow
{
    public string Id { get; set; } = string.Empty;

    public string Namespace { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Level { get; set; } = string.Empty;

    public string? ParentId { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Owner { get; set; }

    public long IsAbstract { get; set; }

    public string TagsJson { get; set; } = "{}";

    public string ConfigJson { get; set; } = "{}";

    public string LockedJson { get; set; } = "{}";

    public string State { get; set; } = string.Empty;

    public long Revision { get; set; }

    public long? PlannedRevision { get; set; }

    public string? PlannedJson { get; set; }

    public long? ProvisionedRevision { get; set; }

    public string? ProvisionedJson { get; set; }

    public object CreatedAt { get; set; } = DateTime.MinValue;

    public object UpdatedAt { get; set; } = DateTime.MinValue;

    public NodeRecord ToRecord() => new(
        Id, Namespace, Name, Level, ParentId, Title, Description, Owner, IsAbstract != 0, TagsJson, ConfigJson, LockedJson, State,
        Revision, PlannedRevision, PlannedJson, ProvisionedRevision, ProvisionedJson, Timestamps.Read(CreatedAt), Timestamps.Read(UpdatedAt));
}

/// <summary>A listed node with the ids of its (up to four) ancestors, nearest first.</summary>
internal sealed class NodeWithAncestorsRow : NodeRow
{
    public string? A1 { get; set; }

    public string? A2 { get; set; }

    public string? A3 { get; set; }

    public string? A4 { get; set; }

    public IEnumerable<string> AncestorIds() => new[] { A1, A2, A3, A4 }.OfType<string>();
}

internal sealed class TreeRowData
{
    public string Id { get; set; } = string.Empty;

    public string Namespace { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Level { get; set; } = string.Empty;

    public string? ParentId { get; set; }

    public string? Title { get; set; }

    public string? Owner { get; set; }

    public long IsAbstract { get; set; }

    public string State { get; set; } = string.Empty;

    public long Revision { get; set; }

    public string? TagsJson { get; set; }

    public string? ConfigJson { get; set; }

    public TreeRow ToRow() => new(Id, Namespace, Name, Level, ParentId, Title, Owner, IsAbstract != 0, State, Revision, TagsJson, ConfigJson);
}

internal sealed class RevisionRow
{
    public string NodeId { get; set; } = string.Empty;

    public long Revision { get; set; }

    public string Operation { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public string SnapshotJson { get; set; } = "{}";

    public string? DetailsJson { get; set; }

    public string Actor { get; set; } = string.Empty;

    public object CreatedAt { get; set; } = DateTime.MinValue;

    public RevisionRecord ToRecord() => new(NodeId, Revision, Operation, State, SnapshotJson, DetailsJson, Actor, Timestamps.Read(CreatedAt));
}

internal sealed class AuditRow
{
    public long Id { get; set; }

    public string NodeId { get; set; } = string.Empty;

    public string Namespace { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Level { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public long Revision { get; set; }

    public string Actor { get; set; } = string.Empty;

    public object At { get; set; } = DateTime.MinValue;

    public string? BeforeJson { get; set; }

    public string? AfterJson { get; set; }

    public AuditRecord ToRecord() => new(Id, NodeId, Namespace, Name, Level, Action, Revision, Actor, Timestamps.Read(At), BeforeJson, AfterJson);
}
