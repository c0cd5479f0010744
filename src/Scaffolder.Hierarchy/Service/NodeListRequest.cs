using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Service;

/// <summary>
/// Filters for listing nodes, as callers write them. <see cref="Tags"/> holds <c>key=value</c> (the
/// effective tag has that value) or <c>key</c> (the effective tag is set); <see cref="Owner"/> is
/// compared with the effective owner.
/// </summary>
public sealed record NodeListRequest
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public string? Namespace { get; init; }

    public string? Level { get; init; }

    public string? State { get; init; }

    public string? Owner { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool IncludeDeleted { get; init; }

    public int? Limit { get; init; }

    public int? Offset { get; init; }

    internal (string? Level, string? State, string? Owner, IReadOnlyList<(string Key, string? Value)> Tags, int Limit, int Offset) Parse()
    {
        if (Namespace is not null)
        {
            NodeRules.CheckNamespace(Namespace, "filter");
        }

        if (Level is not null && !NodeLevels.TryParse(Level, out _))
        {
            throw new InputError($"Invalid level filter \"{Level}\": expected one of {NodeLevels.AllNames}");
        }

        if (State is not null && !NodeStates.TryParse(State, out _))
        {
            throw new InputError($"Invalid state filter \"{State}\": expected one of {NodeStates.AllNames}");
        }

        var owner = Owner is null ? null : NodeRules.CanonicalOwner(Owner, Namespace ?? NodeKey.DefaultNamespace, "filter");
        var tags = Tags.Select(ParseTag).ToList();
        var limit = Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            throw new InputError($"Invalid limit {limit}: expected 1 to {MaxLimit}");
        }

        var offset = Offset ?? 0;
        if (offset < 0)
        {
            throw new InputError($"Invalid offset {offset}: expected 0 or more");
        }

        return (Level, State, owner, tags, limit, offset);
    }

    private static (string Key, string? Value) ParseTag(string filter)
    {
        var equals = filter.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? filter : filter[..equals];
        if (key.Length == 0)
        {
            throw new InputError($"Invalid tag filter \"{filter}\": expected key=value or key");
        }

        return (key, equals < 0 ? null : filter[(equals + 1)..]);
    }
}
