using System.Data.Common;
using System.Text;
using Dapper;

namespace Scaffolder.Storage.Tasks;

/// <summary>
/// The scaffolder's tasks, their steps and events. Every change that must be seen whole (a claim, a
/// completion with its event, a retry) is one transaction.
/// </summary>
public sealed class TaskStore(Database database)
{
    private const string TaskColumns =
        "id AS Id, spec AS Spec, status AS Status, created_by AS CreatedBy, created_at AS CreatedAt, last_heartbeat_at AS LastHeartbeatAt";

    private const string EventColumns =
        "id AS Id, task_id AS TaskId, event_type AS EventType, body AS Body, created_at AS CreatedAt";

    public Database Database { get; } = database;

    public Task CreateAsync(NewTaskRecord task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    "INSERT INTO tasks (id, spec, status, recover_strategy, created_by, created_at, secrets, claim_count) " +
                    "VALUES (@Id, @SpecJson, 'open', @RecoverStrategy, @CreatedBy, @CreatedAt, @SecretsEnvelope, 0)",
                    task,
                    transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO task_steps (task_id, position, step_id, status) VALUES (@taskId, @position, @stepId, 'open')",
                    task.StepIds.Select((stepId, position) => new { taskId = task.Id, position, stepId }),
                    transaction);
            },
            cancellationToken);
    }

    public async Task<TaskRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<TaskRow>($"SELECT {TaskColumns} FROM tasks WHERE id = @id", new { id }))?.ToRecord();
    }

    public async Task<(IReadOnlyList<TaskRecord> Tasks, long Total)> ListAsync(TaskListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new DynamicParameters();
        var where = new List<string>();
        if (query.CreatedBy.Count > 0)
        {
            parameters.Add("createdBy", query.CreatedBy.Distinct(StringComparer.Ordinal).ToArray());
            where.Add(Database.Dialect.InList("created_by", "createdBy"));
        }

        if (query.Statuses.Count > 0)
        {
            parameters.Add("statuses", query.Statuses.Distinct(StringComparer.Ordinal).ToArray());
            where.Add(Database.Dialect.InList("status", "statuses"));
        }

        var condition = where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where);
        var sql = new StringBuilder($"SELECT {TaskColumns} FROM tasks{condition} ORDER BY ");
        var order = query.Order.Count == 0 ? [new TaskOrder(TaskOrderField.CreatedAt, Descending: true)] : query.Order;
        sql.Append(string.Join(", ", order.Select(o => $"{Column(o.Field)} {(o.Descending ? "DESC" : "ASC")}")));
        sql.Append(", id ASC");
        if (query.Limit is { } limit)
        {
            parameters.Add("limit", limit);
            sql.Append(" LIMIT @limit");
        }

        if (query.Offset is { } offset)
        {
            parameters.Add("offset", offset);
            // SQLite only accepts OFFSET after a LIMIT; -1 there means "no limit".
            sql.Append(query.Limit is null && Database.Provider == DatabaseProvider.Sqlite ? " LIMIT -1 OFFSET @offset" : " OFFSET @offset");
        }

        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TaskRow>(sql.ToString(), parameters);
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM tasks{condition}", parameters);
        return (rows.Select(r => r.ToRecord()).ToList(), total);
    }

    /// <summary>
    /// Claims the oldest open task for a run identified by <paramref name="claimToken"/>: it becomes
    /// <c>processing</c> with a fresh heartbeat. Replicas never claim the same task: PostgreSQL skips
    /// rows another transaction has locked, SQLite's single writer serialises claimers. Secrets of
    /// tasks that cannot be recovered are dropped from storage at once (the run gets them from the result).
    /// </summary>
    public Task<ClaimedTaskRecord?> ClaimAsync(string claimToken, string claimedBy, DateTime now, CancellationToken cancellationToken = default) =>
        Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<ClaimRow>(
                    "SELECT id AS Id, spec AS Spec, recover_strategy AS RecoverStrategy, created_by AS CreatedBy, secrets AS Secrets, claim_count AS ClaimCount " +
                    $"FROM tasks WHERE status = 'open' ORDER BY created_at, id LIMIT 1 {Database.Dialect.ForUpdateSkipLocked}",
                    transaction: transaction);
                if (row is null)
                {
                    return null;
                }

                await connection.ExecuteAsync(
                    "UPDATE tasks SET status = 'processing', last_heartbeat_at = @now, claim_token = @claimToken, claimed_by = @claimedBy, " +
                    "claim_count = claim_count + 1, secrets = CASE WHEN recover_strategy = 'startOver' THEN secrets ELSE NULL END " +
                    "WHERE id = @id AND status = 'open'",
                    new { now, claimToken, claimedBy, id = row.Id },
                    transaction);
                return new ClaimedTaskRecord(row.Id, row.Spec, row.RecoverStrategy, row.CreatedBy, row.Secrets, claimToken, (int)row.ClaimCount + 1);
            },
            cancellationToken);

    /// <summary>Refreshes the heartbeat of a run; false when the run no longer holds the task.</summary>
    public async Task<bool> HeartbeatAsync(string id, string claimToken, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE tasks SET last_heartbeat_at = @now WHERE id = @id AND status = 'processing' AND claim_token = @claimToken",
            new { id, claimToken, now }) == 1;
    }

    public async Task<bool> HasEventAsync(string taskId, string eventType, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM task_events WHERE task_id = @taskId AND event_type = @eventType",
            new { taskId, eventType }) > 0;
    }

    /// <summary>Appends an event (and moves a step, when given, in the same transaction); returns the event id.</summary>
    public Task<long> AppendEventAsync(
        string taskId, string eventType, string bodyJson, DateTime now, StepTransition? step = null, CancellationToken cancellationToken = default) =>
        Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (step is not null)
                {
                    await UpdateStepAsync(connection, transaction, taskId, step, now);
                }

                return await InsertEventAsync(connection, transaction, taskId, eventType, bodyJson, now);
            },
            cancellationToken);

    /// <summary>Appends events in order in one transaction (with their step moves); returns the last event id.</summary>
    public Task<long> AppendEventsAsync(string taskId, IReadOnlyList<NewTaskEvent> events, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                long last = 0;
                foreach (var item in events)
                {
                    if (item.Step is not null)
                    {
                        await UpdateStepAsync(connection, transaction, taskId, item.Step, now);
                    }

                    last = await InsertEventAsync(connection, transaction, taskId, item.Type, item.BodyJson, now);
                }

                return last;
            },
            cancellationToken);
    }

    /// <summary>
    /// Ends the run holding <paramref name="claimToken"/>: sets the final status, forgets the secrets
    /// and appends the completion event. False (and nothing written) when the run no longer holds the task.
    /// </summary>
    public Task<bool> CompleteAsync(
        string id, string claimToken, string status, string completionBodyJson, DateTime now, CancellationToken cancellationToken = default) =>
        Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var updated = await connection.ExecuteAsync(
                    "UPDATE tasks SET status = @status, secrets = NULL, claim_token = NULL " +
                    "WHERE id = @id AND status = 'processing' AND claim_token = @claimToken",
                    new { id, claimToken, status },
                    transaction);
                if (updated != 1)
                {
                    return false;
                }

                await InsertEventAsync(connection, transaction, id, "completion", completionBodyJson, now);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Re-queues a task (whatever its status): status <c>open</c>, the new secrets, steps back to
    /// <c>open</c>, its <c>cancelled</c> and <c>completion</c> events removed and a <c>recovered</c>
    /// event appended. False when there is no such task.
    /// </summary>
    public Task<bool> RetryAsync(string id, string? secretsEnvelope, string recoveredBodyJson, DateTime now, CancellationToken cancellationToken = default) =>
        Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var updated = await connection.ExecuteAsync(
                    "UPDATE tasks SET status = 'open', last_heartbeat_at = @now, claim_token = NULL, claimed_by = NULL, secrets = @secretsEnvelope WHERE id = @id",
                    new { id, now, secretsEnvelope },
                    transaction);
                if (updated != 1)
                {
                    return false;
                }

                await connection.ExecuteAsync(
                    "DELETE FROM task_events WHERE task_id = @id AND event_type IN ('cancelled', 'completion')", new { id }, transaction);
                await ResetStepsAsync(connection, transaction, id);
                await InsertEventAsync(connection, transaction, id, "recovered", recoveredBodyJson, now);
                return true;
            },
            cancellationToken);

    /// <summary>Events of a task in id order: all of them, or those after <paramref name="after"/> plus the completion event.</summary>
    public async Task<IReadOnlyList<TaskEventRecord>> ListEventsAsync(string taskId, long? after, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var sql = after is null
            ? $"SELECT {EventColumns} FROM task_events WHERE task_id = @taskId ORDER BY id"
            : $"SELECT {EventColumns} FROM task_events WHERE task_id = @taskId AND (id > @after OR event_type = 'completion') ORDER BY id";
        return (await connection.QueryAsync<EventRow>(sql, new { taskId, after })).Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<TaskStepRecord>> ListStepsAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StepRow>(
                "SELECT position AS Position, step_id AS StepId, status AS Status, started_at AS StartedAt, finished_at AS FinishedAt " +
                "FROM task_steps WHERE task_id = @taskId ORDER BY position",
                new { taskId }))
            .Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Processing tasks whose last heartbeat is at or before <paramref name="cutoff"/>.</summary>
    public async Task<IReadOnlyList<StaleTaskRecord>> FindStaleAsync(DateTime cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<(string Id, string RecoverStrategy)>(
                "SELECT id, recover_strategy FROM tasks WHERE status = 'processing' AND last_heartbeat_at <= @cutoff ORDER BY id",
                new { cutoff }))
            .Select(r => new StaleTaskRecord(r.Id, r.RecoverStrategy)).ToList();
    }

    /// <summary>Puts a still-stale task back to <c>open</c> with its steps reset and a <c>recovered</c> event; false when it is no longer stale.</summary>
    public Task<bool> RecoverStaleAsync(string id, DateTime cutoff, string recoveredBodyJson, DateTime now, CancellationToken cancellationToken = default) =>
        Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var updated = await connection.ExecuteAsync(
                    "UPDATE tasks SET status = 'open', last_heartbeat_at = @now, claim_token = NULL, claimed_by = NULL " +
                    "WHERE id = @id AND status = 'processing' AND last_heartbeat_at <= @cutoff",
                    new { id, now, cutoff },
                    transaction);
                if (updated != 1)
                {
                    return false;
                }

                await ResetStepsAsync(connection, transaction, id);
                await InsertEventAsync(connection, transaction, id, "recovered", recoveredBodyJson, now);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Fails a still-stale task: each step left <c>processing</c> gets a failed log event (body from
    /// <paramref name="stepFailedBodyJson"/>) and the failed status, then the task is failed with the
    /// completion event. False when it is no longer stale.
    /// </summary>
    public Task<bool> FailStaleAsync(
        string id, DateTime cutoff, Func<string, string> stepFailedBodyJson, string completionBodyJson, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stepFailedBodyJson);
        return Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var updated = await connection.ExecuteAsync(
                    "UPDATE tasks SET status = 'failed', secrets = NULL, claim_token = NULL " +
                    "WHERE id = @id AND status = 'processing' AND last_heartbeat_at <= @cutoff",
                    new { id, cutoff },
                    transaction);
                if (updated != 1)
                {
                    return false;
                }

                var hung = await connection.QueryAsync<(long Position, string StepId)>(
                    "SELECT position, step_id FROM task_steps WHERE task_id = @id AND status = 'processing' ORDER BY position", new { id }, transaction);
                foreach (var (position, stepId) in hung)
                {
                    await UpdateStepAsync(connection, transaction, id, new StepTransition((int)position, "failed", Started: false, Finished: true), now);
                    await InsertEventAsync(connection, transaction, id, "log", stepFailedBodyJson(stepId), now);
                }

                await InsertEventAsync(connection, transaction, id, "completion", completionBodyJson, now);
                return true;
            },
            cancellationToken);
    }

    private static Task<long> InsertEventAsync(DbConnection connection, DbTransaction transaction, string taskId, string eventType, string body, DateTime now) =>
        connection.ExecuteScalarAsync<long>(
            "INSERT INTO task_events (task_id, event_type, body, created_at) VALUES (@taskId, @eventType, @body, @now) RETURNING id",
            new { taskId, eventType, body, now },
            transaction);

    private static Task UpdateStepAsync(DbConnection connection, DbTransaction transaction, string taskId, StepTransition step, DateTime now)
    {
        var sql = new StringBuilder("UPDATE task_steps SET status = @status");
        if (step.Started)
        {
            sql.Append(", started_at = @now");
        }

        sql.Append(step.Finished ? ", finished_at = @now" : step.Started ? ", finished_at = NULL" : string.Empty);

        sql.Append(" WHERE task_id = @taskId AND position = @position");
        return connection.ExecuteAsync(sql.ToString(), new { status = step.Status, now, taskId, position = step.Position }, transaction);
    }

    private static Task ResetStepsAsync(DbConnection connection, DbTransaction transaction, string taskId) =>
        connection.ExecuteAsync(
            "UPDATE task_steps SET status = 'open', started_at = NULL, finished_at = NULL WHERE task_id = @taskId", new { taskId }, transaction);

    private static string Column(TaskOrderField field) => field switch
    {
        TaskOrderField.CreatedAt => "created_at",
        TaskOrderField.Status => "status",
        TaskOrderField.CreatedBy => "created_by",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
