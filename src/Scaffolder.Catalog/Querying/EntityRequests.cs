using System.Text.Json.Nodes;

namespace Scaffolder.Catalog.Querying;

/// <summary><c>GET /entities</c> parameters as received (integers still text, so their form can be checked).</summary>
public sealed record EntityListRequest
{
    public IReadOnlyList<string> Filters { get; init; } = [];

    public IReadOnlyList<string> Fields { get; init; } = [];

    public IReadOnlyList<string> Order { get; init; } = [];

    public string? Limit { get; init; }

    public string? Offset { get; init; }

    public string? After { get; init; }
}

/// <summary>A page of <c>GET /entities</c>: entity JSON texts, and the <c>after</c> token when more rows follow.</summary>
public sealed record EntityListResult(IReadOnlyList<string> Items, string? NextAfter);

/// <summary>The parameters of <c>/entities/by-query</c> (GET query string or POST body).</summary>
public sealed record EntityQueryRequest
{
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>A filter predicate (POST only).</summary>
    public JsonNode? Query { get; init; }

    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Order fields as <c>field[,asc|desc]</c>; only the first is used.</summary>
    public IReadOnlyList<string> OrderFields { get; init; } = [];

    public string? FullTextTerm { get; init; }

    public IReadOnlyList<string> FullTextFields { get; init; } = [];

    public int? Limit { get; init; }

    public int? Offset { get; init; }

    public string? Cursor { get; init; }

    /// <summary><c>include</c> (default) or <c>exclude</c>.</summary>
    public string? TotalItems { get; init; }
}

/// <summary>A page of <c>/entities/by-query</c>.</summary>
public sealed record EntityQueryResult(IReadOnlyList<string> Items, long TotalItems, string? NextCursor, string? PrevCursor);

/// <summary>One step of an ancestry chain: an entity and the refs of the entities that emitted it.</summary>
public sealed record AncestryItem(string EntityJson, IReadOnlyList<string> ParentEntityRefs);
