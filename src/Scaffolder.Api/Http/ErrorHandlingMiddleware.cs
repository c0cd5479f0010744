using Microsoft.AspNetCore.Http.Features;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Http;

/// <summary>
/// Turns exceptions into Backstage error envelopes. Known errors keep their status and message;
/// anything unexpected is logged and answered with a generic 500 that reveals no internals.
/// </summary>
public sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ServiceError error) when (!context.Response.HasStarted)
        {
            await ErrorResponse.WriteAsync(context, ErrorResponse.StatusFor(error), error.Name, error.Message);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            var name = error.StatusCode == StatusCodes.Status413PayloadTooLarge ? "PayloadTooLargeError" : "InputError";
            await ErrorResponse.WriteAsync(context, error.StatusCode, name, error.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            logger.LogError(error, "Unhandled error while serving {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Features.Get<IHttpResponseFeature>()?.Headers.Clear();
            await ErrorResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, "Error", "An internal error occurred; see the service log for details");
        }
    }
}
