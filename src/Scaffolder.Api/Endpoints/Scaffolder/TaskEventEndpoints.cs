using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Scaffolder.Api.Http;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Tasks;

namespace Scaffolder.Api.Endpoints.Scaffolder;

/// <summary>A task's events: as server-sent events, or by long polling.</summary>
public static class TaskEventEndpoints
{
    public static RouteGroupBuilder MapTaskEventEndpoints(this RouteGroupBuilder scaffolder)
    {
        scaffolder.MapGet("/v2/tasks/{taskId}/eventstream", StreamAsync).WithName("StreamTaskEvents").WithSummary("Server-sent events: replay, then live until completion");
        scaffolder.MapGet("/v2/tasks/{taskId}/events", PollAsync).WithName("GetTaskEvents").WithSummary("Long poll: events after ?after=, waiting up to 30 s");
        return scaffolder;
    }

    private static async Task StreamAsync(HttpContext context, string taskId, TaskService tasks)
    {
        var cancellationToken = context.RequestAborted;
        var after = After(context.Request);

        // Not found (and bad input) must be answered before the stream's headers go out.
        await tasks.GetAsync(taskId, cancellationToken);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.Connection = "keep-alive";
        await context.Response.Body.FlushAsync(cancellationToken);
        try
        {
            await foreach (var batch in tasks.StreamEventsAsync(taskId, after, cancellationToken))
            {
                var text = new StringBuilder();
                foreach (var item in batch)
                {
                    text.Append("event: ").Append(item["type"]!.GetValue<string>()).Append('\n')
                        .Append("data: ").Append(item.ToJsonString(JsonDefaults.Options)).Append("\n\n");
                }

                await context.Response.WriteAsync(text.ToString(), cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task<IResult> PollAsync(HttpContext context, string taskId, TaskService tasks)
    {
        var events = await tasks.WaitForEventsAsync(taskId, After(context.Request), TaskService.LongPollTimeout, context.RequestAborted);
        return ScaffolderJson.Json(new JsonArray(events.Select(e => (JsonNode?)e).ToArray()));
    }

    private static long? After(HttpRequest request) =>
        QueryValues.Single(request, "after") switch
        {
            null or "" => null,
            var text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
            var text => throw new InputError($"Invalid after \"{text}\"; expected an event id (a non-negative integer)"),
        };
}
