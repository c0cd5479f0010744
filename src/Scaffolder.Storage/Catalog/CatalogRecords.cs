namespace Scaffolder.Storage.Catalog;

/// <summary>One row of the flattened search index (key and value lowercased; original value kept for facets).</summary>
public sealed record SearchRow(string Key, string? OriginalValue, string? Value);

/// <summary>A relation as stored: canonical source and target refs.</summary>
public sealed record StoredRelation(string SourceRef, string Type, string TargetRef);

/// <summary>A registered location.</summary>
public sealed record LocationRecord(string Id, string Type, string Target, DateTime CreatedAt);

/// <summary>Row shape of <c>locations</c>: SQLite hands timestamps back as text, PostgreSQL as <see cref="DateTime"/>.</summary>
internal sealed class LocationRow
{
    public string Id { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string Target { get; set; } = string.Empty;

    public object CreatedAt { get; set; } = DateTime.MinValue;

    public LocationRecord ToRecord() => new(Id, Type, Target, Timestamps.Read(CreatedAt));
}

/// <summary>
/// An entity as produced by processing, ready to be written: its processed JSON, where it came from,
/// and the relations it emits (forward on itself and reverse on targets).
/// </summary>
public sealed record ProcessedEntityRecord(
    string EntityRef,
    string Uid,
    string ProcessedJson,
    string? ErrorsJson,
    string Source,
    string? LocationId,
    string? LocationKey,
    string? ParentRef,
    IReadOnlyList<StoredRelation> Relations);

/// <summary>What an existing entity row holds about its identity and origin.</summary>
public sealed record ExistingEntityRecord(
    long Id,
    string EntityRef,
    string Uid,
    string ProcessedJson,
    string? ErrorsJson,
    string Source,
    string? LocationId,
    string? LocationKey,
    string? ParentRef);

/// <summary>Everything stitching needs for one entity: its processed JSON, its errors and every relation whose source it is.</summary>
public sealed record StitchInput(
    long Id,
    string EntityRef,
    string Uid,
    string Etag,
    string ProcessedJson,
    string? ErrorsJson,
    IReadOnlyList<StoredRelation> Relations);

/// <summary>The result of stitching: the JSON clients read, its etag, and its search rows.</summary>
public sealed record StitchedEntityRecord(long Id, string FinalJson, string Etag, IReadOnlyList<SearchRow> Search);

/// <summary>An entity as clients read it.</summary>
public sealed record FinalEntityRecord(long Id, string EntityRef, string FinalJson);
