namespace Scaffolder.Storage.Hierarchy;

/// <summary>SQL shared by the hierarchy's reads and writes. Written once in the subset SQLite and PostgreSQL share.</summary>
internal static class NodeSql
{
    public const string Columns =
        "h.id AS Id, h.namespace AS Namespace, h.name AS Name, h.level AS Level, h.parent_id AS ParentId, h.title AS Title, " +
        "h.description AS Description, h.owner AS Owner, h.is_abstract AS IsAbstract, h.tags_json AS TagsJson, h.config_json AS ConfigJson, " +
        "h.locked_json AS LockedJson, h.state AS State, h.revision AS Revision, h.planned_revision AS PlannedRevision, " +
        "h.planned_json AS PlannedJson, h.provisioned_revision AS ProvisionedRevision, h.provisioned_json AS ProvisionedJson, " +
        "h.created_at AS CreatedAt, h.updated_at AS UpdatedAt";

    /// <summary>Columns of <see cref="TreeRow"/>; tags and config only when <paramref name="withValues"/>.</summary>
    public static string TreeColumns(bool withValues) =>
        "h.id AS Id, h.namespace AS Namespace, h.name AS Name, h.level AS Level, h.parent_id AS ParentId, h.title AS Title, " +
        "h.owner AS Owner, h.is_abstract AS IsAbstract, h.state AS State, h.revision AS Revision" +
        (withValues ? ", h.tags_json AS TagsJson, h.config_json AS ConfigJson" : string.Empty);

    public static readonly string[] InsertColumns =
    [
        "id", "namespace", "name", "name_key", "level", "parent_id", "title", "description", "owner", "is_abstract", "tags_json",
        "config_json", "locked_json", "state", "revision", "planned_revision", "planned_json", "provisioned_revision", "provisioned_json",
        "created_at", "updated_at",
    ];

    // The depth bound only guards against a corrupt table; the level rules keep real chains at five nodes.
    public static readonly string ChainByName = ChainByNameSelecting(Columns);

    public const string ChainById =
        "WITH RECURSIVE chain (id, depth) AS (" +
        "SELECT id, 0 FROM hierarchy_nodes WHERE id = @id " +
        "UNION ALL SELECT n.parent_id, c.depth + 1 FROM chain c JOIN hierarchy_nodes n ON n.id = c.id WHERE n.parent_id IS NOT NULL AND c.depth < 8) " +
        "SELECT " + Columns + " FROM chain c JOIN hierarchy_nodes h ON h.id = c.id ORDER BY c.depth DESC";

    public static readonly string Descendants = DescendantsSelecting(Columns);

    /// <summary>The node named <c>@ns</c>/<c>@key</c> and its ancestors, root first.</summary>
    public static string ChainByNameSelecting(string columns) =>
        "WITH RECURSIVE chain (id, depth) AS (" +
        "SELECT id, 0 FROM hierarchy_nodes WHERE namespace = @ns AND name_key = @key " +
        "UNION ALL SELECT n.parent_id, c.depth + 1 FROM chain c JOIN hierarchy_nodes n ON n.id = c.id WHERE n.parent_id IS NOT NULL AND c.depth < 8) " +
        "SELECT " + columns + " FROM chain c JOIN hierarchy_nodes h ON h.id = c.id ORDER BY c.depth DESC";

    /// <summary>Every descendant of node <c>@id</c>, shallowest first.</summary>
    public static string DescendantsSelecting(string columns) =>
        "WITH RECURSIVE sub (id, depth) AS (" +
        "SELECT id, 1 FROM hierarchy_nodes WHERE parent_id = @id " +
        "UNION ALL SELECT n.id, s.depth + 1 FROM hierarchy_nodes n JOIN sub s ON n.parent_id = s.id WHERE s.depth < 8) " +
        "SELECT " + columns + " FROM sub JOIN hierarchy_nodes h ON h.id = sub.id ORDER BY sub.depth, h.name_key";

    public static object?[] InsertValues(NodeRecord n) =>
    [
        n.Id, n.Namespace, n.Name, n.NameKey, n.Level, n.ParentId, n.Title, n.Description, n.Owner, n.IsAbstract ? 1L : 0L, n.TagsJson,
        n.ConfigJson, n.LockedJson, n.State, n.Revision, n.PlannedRevision, n.PlannedJson, n.ProvisionedRevision, n.ProvisionedJson,
        Utc(n.CreatedAt), Utc(n.UpdatedAt),
    ];

    public static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time.ToUniversalTime(), DateTimeKind.Utc);
}
