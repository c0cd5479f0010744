using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;

namespace Scaffolder.Catalog.Processing;

/// <summary>
/// A problem found while processing an entity or reading a location, reported in the entity's
/// <c>status.items</c> as Backstage does (type <c>backstage.io/catalog-processing</c>).
/// </summary>
public sealed record ProcessingError(string Name, string Message)
{
    public const string StatusType = "backstage.io/catalog-processing";

    public static ProcessingError Input(string message) => new("InputError", message);

    public static ProcessingError NotFound(string message) => new("NotFoundError", message);

    public static ProcessingError Conflict(string message) => new("ConflictError", message);

    public JsonObject ToStatusItem() => new()
    {
        ["type"] = StatusType,
        ["level"] = "error",
        ["message"] = $"{Name}: {Message}",
        ["error"] = new JsonObject { ["name"] = Name, ["message"] = Message },
    };

    public static string? ToJson(IReadOnlyCollection<ProcessingError> errors) =>
        errors.Count == 0 ? null : CatalogJson.Serialize(new JsonArray(errors.Select(e => (JsonNode)e.ToStatusItem()).ToArray()));
}
