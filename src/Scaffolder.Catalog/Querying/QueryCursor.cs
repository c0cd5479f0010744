using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Scaffolder.Common.Errors;

namespace Scaffolder.Catalog.Querying;

/// <summary>
/// The opaque cursor of <c>/entities/by-query</c>: base64 of a JSON object, as Backstage's clients
/// expect (the newest client decodes it and, when it carries a <c>query</c> key, sends the next page
/// to the POST endpoint — so only predicate queries put that key in).
/// </summary>
public sealed record QueryCursor
{
    [JsonPropertyName("orderField")]
    public required string OrderField { get; init; }

    [JsonPropertyName("order")]
    public required string Order { get; init; }

    [JsonPropertyName("filter")]
    public IReadOnlyList<string>? Filter { get; init; }

    [JsonPropertyName("query")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Query { get; init; }

    [JsonPropertyName("fullTextTerm")]
    public string? FullTextTerm { get; init; }

    [JsonPropertyName("fullTextFields")]
    public IReadOnlyList<string>? FullTextFields { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("isPrevious")]
    public bool IsPrevious { get; init; }

    [JsonPropertyName("totalItems")]
    public long TotalItems { get; init; }

    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this));

    public static QueryCursor Decode(string cursor)
    {
        try
        {
            var json = Convert.FromBase64String(cursor);
            return JsonSerializer.Deserialize<QueryCursor>(json) ?? throw new InputError("Malformed cursor: empty");
        }
        catch (FormatException e)
        {
            throw new InputError($"Malformed cursor: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new InputError($"Malformed cursor: {e.Message}");
        }
    }

    /// <summary>The base64 <c>after</c> token of <c>GET /entities</c>: <c>{"limit":n,"offset":m}</c>.</summary>
    public static string EncodeAfter(int limit, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"limit\":{limit},\"offset\":{offset}}}"));
}
