using System.Globalization;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Service;

namespace Scaffolder.Api.Endpoints.Hierarchy;

/// <summary>Query parameters of the hierarchy API, read with messages that name the parameter.</summary>
public static class HierarchyQuery
{
    public static int? Integer(string? value, string name) =>
        value is null
            ? null
            : int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new InputError($"Invalid {name} \"{value}\": expected an integer");

    public static long Revision(string? value, string name) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new InputError($"Invalid {name} \"{value}\": expected a revision number (1 or more)");

    /// <summary>Backstage's lenient boolean (<c>true/yes/y/1/on</c>); absent is false.</summary>
    public static bool Flag(string? value) => value?.Trim().ToLowerInvariant() is "true" or "yes" or "y" or "1" or "on";

    public static NodeListRequest ListRequest(
        string? @namespace, string? level, string? state, string? owner, string[]? tags, string? includeDeleted, string? limit, string? offset) => new()
        {
            Namespace = @namespace,
            Level = level,
            State = state,
            Owner = owner,
            Tags = tags ?? [],
            IncludeDeleted = Flag(includeDeleted),
            Limit = Integer(limit, "limit"),
            Offset = Integer(offset, "offset"),
        };
}
