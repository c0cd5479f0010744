using System.Globalization;
using System.Text.Json.Nodes;
using Scaffolder.Api.Http;
using Scaffolder.Catalog.Services;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Tasks;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Api.Endpoints.Scaffolder;

/// <summary>Creating, listing, reading, cancelling and retrying tasks.</summary>
public static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder scaffolder)
    {
        scaffolder.MapPost("/v2/tasks", CreateAsync).WithName("CreateTask").WithSummary("Start a task from a catalog template (201 {id})");
        scaffolder.MapGet("/v2/tasks", ListAsync).WithName("ListTasks");
        scaffolder.MapGet("/v2/tasks/{taskId}", GetAsync).WithName("GetTask");
        scaffolder.MapPost("/v2/tasks/{taskId}/cancel", CancelAsync).WithName("CancelTask");
        scaffolder.MapPost("/v2/tasks/{taskId}/retry", RetryAsync).WithName("RetryTask");
        return scaffolder;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, TaskService tasks, EntitiesService entities, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, ScaffolderJson.BodyLimit, cancellationToken);
        var templateRef = JsonBody.RequiredString(body, "templateRef");
        var values = ScaffolderJson.OptionalObject(body, "values");
        var secrets = ScaffolderJson.Secrets(body);
        var caller = await CallerIdentity.ResolveAsync(context, entities, cancellationToken);
        var id = await tasks.CreateAsync(templateRef, values, secrets, caller, cancellationToken);
        return ScaffolderJson.Json(new JsonObject { ["id"] = id }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, TaskService tasks, CancellationToken cancellationToken)
    {
        var statuses = QueryValues.All(request, "status");
        if (statuses.FirstOrDefault(s => !TaskStatuses.All.Contains(s)) is { } unknown)
        {
            throw new InputError($"Invalid status \"{unknown}\"; expected one of {string.Join(", ", TaskStatuses.All)}");
        }

        var query = new TaskListQuery(
            QueryValues.All(request, "createdBy"),
            statuses,
            QueryValues.All(request, "order").SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(ParseOrder).ToList(),
            NonNegative(request, "limit"),
            NonNegative(request, "offset"));
        var (list, total) = await tasks.ListAsync(query, cancellationToken);
        return ScaffolderJson.Json(new JsonObject
        {
            ["tasks"] = new JsonArray(list.Select(t => (JsonNode?)t).ToArray()),
            ["totalTasks"] = total,
        });
    }

    private static async Task<IResult> GetAsync(string taskId, TaskService tasks, CancellationToken cancellationToken) =>
        ScaffolderJson.Json(await tasks.GetAsync(taskId, cancellationToken));

    private static async Task<IResult> CancelAsync(string taskId, TaskService tasks, CancellationToken cancellationToken)
    {
        await tasks.CancelAsync(taskId, cancellationToken);
        return ScaffolderJson.Json(new JsonObject { ["status"] = TaskStatuses.Cancelled });
    }

    private static async Task<IResult> RetryAsync(HttpRequest request, string taskId, TaskService tasks, CancellationToken cancellationToken)
    {
        // The body is optional: clients may retry with no secrets at all.
        var body = request.ContentLength is 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType))
            ? new JsonObject()
            : await RequestBody.ReadObjectAsync(request, ScaffolderJson.BodyLimit, cancellationToken);
        await tasks.RetryAsync(taskId, ScaffolderJson.Secrets(body), cancellationToken);
        return ScaffolderJson.Json(new JsonObject { ["id"] = taskId }, StatusCodes.Status201Created);
    }

    private static TaskOrder ParseOrder(string value)
    {
        var parts = value.Split(':', 2);
        var descending = parts[0] switch
        {
            "asc" => false,
            "desc" => true,
            _ => throw new InputError($"Invalid order \"{value}\"; expected asc:<field> or desc:<field>"),
        };
        var field = parts.Length == 2 ? parts[1] : string.Empty;
        return new TaskOrder(
            field switch
            {
                "created_at" => TaskOrderField.CreatedAt,
                "status" => TaskOrderField.Status,
                "created_by" => TaskOrderField.CreatedBy,
                _ => throw new InputError($"Invalid order field \"{field}\"; expected created_at, status or created_by"),
            },
            descending);
    }

    private static int? NonNegative(HttpRequest request, string name) =>
        QueryValues.Single(request, name) switch
        {
            null => null,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
            var text => throw new InputError($"Invalid {name} \"{text}\"; expected a non-negative integer"),
        };
}
