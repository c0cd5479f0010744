using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Processing;

namespace Scaffolder.Catalog.Services;

/// <summary><c>POST /validate-entity</c>: runs full processing on an entity without storing anything.</summary>
public sealed class EntityValidationService(EntityProcessor processor)
{
    /// <summary>Returns every problem; empty when the entity would be accepted from that location.</summary>
    public IReadOnlyList<ProcessingError> Validate(JsonNode? entity, string? locationRef)
    {
        if (entity is not JsonObject obj)
        {
            return [ProcessingError.Input("Malformed request body: entity must be an object")];
        }

        var colon = locationRef?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (locationRef is null || colon <= 0 || colon == locationRef.Length - 1)
        {
            return [new ProcessingError("TypeError", $"Unable to parse location ref '{locationRef}', expected '<type>:<target>', e.g. 'url:https://host/path'")];
        }

        var location = new LocationSpec(locationRef[..colon], locationRef[(colon + 1)..]);
        if (location.Type != "url")
        {
            return [new ProcessingError("TypeError", $"Invalid location ref '{locationRef}', only 'url:' is supported, e.g. url:https://host/path")];
        }

        var outcome = processor.Process(obj, new EntityOrigin(location, location, null));
        return outcome.Errors;
    }
}
