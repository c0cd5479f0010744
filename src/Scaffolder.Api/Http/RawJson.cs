using System.Text.Json;

namespace Scaffolder.Api.Http;

/// <summary>
/// Results that embed stored entity JSON as is, without parsing it again: the catalog keeps each
/// entity's final JSON text, so list responses are assembled from those texts.
/// </summary>
public static class RawJson
{
    /// <summary>A JSON array of raw items (null items written as <c>null</c>).</summary>
    public static IResult Array(IEnumerable<string?> items, int statusCode = StatusCodes.Status200OK) =>
        new RawJsonResult(writer => WriteArray(writer, items), statusCode);

    /// <summary>An object built by <paramref name="write"/>, which may embed raw values.</summary>
    public static IResult Object(Action<Utf8JsonWriter> write, int statusCode = StatusCodes.Status200OK) =>
        new RawJsonResult(writer =>
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }, statusCode);

    /// <summary>One raw JSON document.</summary>
    public static IResult Value(string json, int statusCode = StatusCodes.Status200OK) =>
        new RawJsonResult(writer => writer.WriteRawValue(json, skipInputValidation: true), statusCode);

    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<string?> items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(item, skipInputValidation: true);
            }
        }

        writer.WriteEndArray();
    }

    private sealed class RawJsonResult(Action<Utf8JsonWriter> write, int statusCode) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, new JsonWriterOptions { SkipValidation = true }))
            {
                write(writer);
                await writer.FlushAsync(httpContext.RequestAborted);
            }
        }
    }
}
