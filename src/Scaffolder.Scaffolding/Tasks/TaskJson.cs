using System.Globalization;
using System.Text.Json.Nodes;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Tasks;

/// <summary>Backstage's wire shapes of tasks and task events.</summary>
public static class TaskJson
{
    /// <summary>Timestamps as JavaScript's <c>toISOString()</c> writes them.</summary>
    public static string Timestamp(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>SerializedTask</c>: <c>{id, spec, status, lastHeartbeatAt?, createdAt, createdBy?}</c> (never secrets or state).</summary>
    public static JsonObject Task(TaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var json = new JsonObject
        {
            ["id"] = task.Id,
            ["spec"] = JsonNode.Parse(task.SpecJson),
            ["status"] = task.Status,
        };
        if (task.LastHeartbeatAt is { } heartbeat)
        {
            json["lastHeartbeatAt"] = Timestamp(heartbeat);
        }

        json["createdAt"] = Timestamp(task.CreatedAt);
        if (task.CreatedBy is not null)
        {
            json["createdBy"] = task.CreatedBy;
        }

        return json;
    }

    /// <summary><c>SerializedTaskEvent</c>: <c>{id, isTaskRecoverable, taskId, body, type, createdAt}</c>.</summary>
    public static JsonObject Event(TaskEventRecord record, bool isTaskRecoverable)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new JsonObject
        {
            ["id"] = record.Id,
            ["isTaskRecoverable"] = isTaskRecoverable,
            ["taskId"] = record.TaskId,
            ["body"] = JsonNode.Parse(record.BodyJson),
            ["type"] = record.Type,
            ["createdAt"] = Timestamp(record.CreatedAt),
        };
    }

    /// <summary>
    /// Backstage's trimming of the history of a task that starts over after recovery: only events from
    /// its last <c>recovered</c> event on (none while that is the last one).
    /// </summary>
    public static IReadOnlyList<TaskEventRecord> TrimToLastRecovery(IReadOnlyList<TaskEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].Type != TaskEventTypes.Recovered)
            {
                continue;
            }

            var strategy = JsonNode.Parse(events[i].BodyJson)?["recoverStrategy"]?.GetValue<string>();
            if (strategy != "startOver")
            {
                return events;
            }

            return i == events.Count - 1 ? [] : events.Skip(i).ToList();
        }

        return events;
    }
}
