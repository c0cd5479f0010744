using System.Text.Json;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Http;

/// <summary>
/// Writes Backstage's error envelope: <c>{error: {name, message}, request: {method, url}, response: {statusCode}}</c>,
/// where <c>request.url</c> is the path below the plugin's base path, query string included.
/// </summary>
public static class ErrorResponse
{
    public static int StatusFor(ServiceError error) => error.Name switch
    {
        "NotModifiedError" => StatusCodes.Status304NotModified,
        "InputError" => StatusCodes.Status400BadRequest,
        "AuthenticationError" => StatusCodes.Status401Unauthorized,
        "NotAllowedError" => StatusCodes.Status403Forbidden,
        "NotFoundError" => StatusCodes.Status404NotFound,
        "ConflictError" => StatusCodes.Status409Conflict,
        "PayloadTooLargeError" => StatusCodes.Status413PayloadTooLarge,
        "NotImplementedError" => StatusCodes.Status501NotImplemented,
        "ServiceUnavailableError" => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static Task WriteAsync(HttpContext context, int statusCode, string name, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            error = new { name, message },
            request = new { method = context.Request.Method, url = PluginRelativeUrl(context.Request) },
            response = new { statusCode },
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonDefaults.Options));
    }

    /// <summary>The request path as a plugin router sees it: without <c>/api/&lt;plugin&gt;</c>.</summary>
    public static string PluginRelativeUrl(HttpRequest request)
    {
        var path = request.PathBase.Add(request.Path).Value ?? "/";
        var segments = path.Split('/', 4);
        var relative = segments.Length >= 3 && segments[1] == "api" ? "/" + (segments.Length == 4 ? segments[3] : string.Empty) : path;
        return relative + request.QueryString.Value;
    }
}
