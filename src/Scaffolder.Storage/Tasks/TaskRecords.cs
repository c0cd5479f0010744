namespace Scaffolder.Storage.Tasks;

/// <summary>A task to insert: its spec, how it recovers, who created it, its encrypted secrets and its steps.</summary>
public sealed record NewTaskRecord(
    string Id,
    string SpecJson,
    string RecoverStrategy,
    string? CreatedBy,
    string? SecretsEnvelope,
    IReadOnlyList<string> StepIds,
    DateTime CreatedAt);

/// <summary>A task as clients read it (no secrets, no claim).</summary>
public sealed record TaskRecord(string Id, string SpecJson, string Status, string? CreatedBy, DateTime CreatedAt, DateTime? LastHeartbeatAt);

/// <summary>A task a worker has just claimed: what it needs to run it, and the token that proves the claim.</summary>
public sealed record ClaimedTaskRecord(
    string Id,
    string SpecJson,
    string RecoverStrategy,
    string? CreatedBy,
    string? SecretsEnvelope,
    string ClaimToken,
    int ClaimCount);

/// <summary>One stored task event.</summary>
public sealed record TaskEventRecord(long Id, string TaskId, string Type, string BodyJson, DateTime CreatedAt);

/// <summary>The stored state of one step.</summary>
public sealed record TaskStepRecord(int Position, string StepId, string Status, DateTime? StartedAt, DateTime? FinishedAt);

/// <summary>A step's new status, written in the same transaction as the event that announces it.</summary>
/// <param name="Started">The step begins now (sets its start time).</param>
/// <param name="Finished">The step ends now (sets its finish time).</param>
public sealed record StepTransition(int Position, string Status, bool Started, bool Finished);

/// <summary>An event to append, with the step move it announces, if any.</summary>
public sealed record NewTaskEvent(string Type, string BodyJson, StepTransition? Step = null);

/// <summary>A processing task whose heartbeat is older than the cutoff.</summary>
public sealed record StaleTaskRecord(string Id, string RecoverStrategy);

/// <summary>A page of tasks: filters (each an IN list; empty means any), order and paging.</summary>
public sealed record TaskListQuery(
    IReadOnlyList<string> CreatedBy,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<TaskOrder> Order,
    int? Limit,
    int? Offset);

/// <summary>One sort key of a task listing.</summary>
public sealed record TaskOrder(TaskOrderField Field, bool Descending);

public enum TaskOrderField
{
    CreatedAt,
    Status,
    CreatedBy,
}

internal sealed class TaskRow
{
    public string Id { get; set; } = string.Empty;

    public string Spec { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string? CreatedBy { get; set; }

    public object CreatedAt { get; set; } = DateTime.MinValue;

    public object? LastHeartbeatAt { get; set; }

    public TaskRecord ToRecord() => new(Id, Spec, Status, CreatedBy, Timestamps.Read(CreatedAt), Timestamps.ReadOptional(LastHeartbeatAt));
}

internal sealed class ClaimRow
{
    public string Id { get; set; } = string.Empty;

    public string Spec { get; set; } = string.Empty;

    public string RecoverStrategy { get; set; } = string.Empty;

    public string? CreatedBy { get; set; }

    public string? Secrets { get; set; }

    public long ClaimCount { get; set; }
}

internal sealed class EventRow
{
    public long Id { get; set; }

    public string TaskId { get; set; } = string.Empty;

    public string EventType { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public object CreatedAt { get; set; } = DateTime.MinValue;

    public TaskEventRecord ToRecord() => new(Id, TaskId, EventType, Body, Timestamps.Read(CreatedAt));
}

internal sealed class StepRow
{
    public long Position { get; set; }

    public string StepId { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public object? StartedAt { get; set; }

    public object? FinishedAt { get; set; }

    public TaskStepRecord ToRecord() => new((int)Position, StepId, Status, Timestamps.ReadOptional(StartedAt), Timestamps.ReadOptional(FinishedAt));
}
