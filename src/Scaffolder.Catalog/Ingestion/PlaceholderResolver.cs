using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Common.Errors;

namespace Scaffolder.Catalog.Ingestion;

/// <summary>
/// Backstage's placeholders in catalog files: an object <c>{$text: path}</c>, <c>{$json: path}</c> or
/// <c>{$yaml: path}</c> is replaced by the contents of that file (as text, or parsed), the path
/// resolved relative to the file being read and read with the same reader.
/// </summary>
public static class PlaceholderResolver
{
    private const int MaxPlaceholders = 100;

    public static async Task ResolveAsync(JsonObject entity, LocationSpec readFrom, ILocationReader reader, CancellationToken cancellationToken)
    {
        var budget = MaxPlaceholders;
        await VisitAsync(entity, readFrom, reader, () => --budget >= 0, cancellationToken);
    }

    private static async Task VisitAsync(JsonNode node, LocationSpec readFrom, ILocationReader reader, Func<bool> spend, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonObject { Count: 1 } candidate && candidate.First() is var (op, value) && op is "$text" or "$json" or "$yaml")
                    {
                        if (!spend())
                        {
                            throw new InputError($"An entity may use at most {MaxPlaceholders} placeholders");
                        }

                        obj[key] = await ResolveOneAsync(op, value, readFrom, reader, cancellationToken);
                    }
                    else if (obj[key] is { } child)
                    {
                        await VisitAsync(child, readFrom, reader, spend, cancellationToken);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>().ToList())
                {
                    await VisitAsync(item, readFrom, reader, spend, cancellationToken);
                }

                break;
        }
    }

    private static async Task<JsonNode?> ResolveOneAsync(string op, JsonNode? value, LocationSpec readFrom, ILocationReader reader, CancellationToken cancellationToken)
    {
        if (value is not JsonValue path || path.GetValueKind() != JsonValueKind.String)
        {
            throw new InputError($"Placeholder {op} expects a string path");
        }

        var target = reader.ResolveRelative(readFrom.Target, path.GetValue<string>());
        string text;
        try
        {
            text = await reader.ReadAsync(target, cancellationToken);
        }
        catch (ServiceError e)
        {
            throw new InputError($"Placeholder {op} could not read {target}: {e.Message}");
        }

        switch (op)
        {
            case "$text":
                return JsonValue.Create(text);
            case "$json":
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException e)
                {
                    throw new InputError($"Placeholder $json could not parse {target}: {e.Message}");
                }

            default:
                var documents = YamlDocuments.Parse(text);
                if (documents.Count != 1 || documents[0].Error is not null)
                {
                    throw new InputError($"Placeholder $yaml expects one YAML document in {target}{(documents.FirstOrDefault(d => d.Error is not null) is { } bad ? ": " + bad.Error : string.Empty)}");
                }

                return documents[0].Value;
        }
    }
}
