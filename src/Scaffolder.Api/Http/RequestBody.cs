using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Http;

/// <summary>Reads JSON request bodies with a size cap and Backstage-style errors for bad input.</summary>
public static class RequestBody
{
    public const long CatalogLimit = 2 * 1024 * 1024;

    /// <summary>Reads the body as a JSON object; a missing, non-JSON, oversized or malformed body is a 4xx.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            throw new InputError("Malformed request body: Content-Type must be application/json");
        }

        if (request.ContentLength > maxBytes)
        {
            throw new PayloadTooLargeError($"Request body is {request.ContentLength} bytes; this endpoint accepts at most {maxBytes} bytes");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new PayloadTooLargeError($"Request body exceeds {maxBytes} bytes, the most this endpoint accepts");
            }
        }

        if (buffer.Length == 0)
        {
            throw new InputError("Malformed request body: the body is empty, expected a JSON object");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new InputError($"Malformed request body: {e.Message}");
        }

        return node as JsonObject ?? throw new InputError("Malformed request body: expected a JSON object");
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
