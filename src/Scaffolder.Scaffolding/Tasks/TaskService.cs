using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Templates;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Tasks;

/// <summary>
/// The task side of the scaffolder API: creating tasks from catalog templates, reading them and
/// their events, cancelling and retrying. Runs happen in <see cref="Workers.TaskWorkerPool"/>.
/// </summary>
public sealed class TaskService(
    TaskStore store,
    TemplateCatalog templates,
    ActionRegistry actions,
    TaskSecretsProtector protector,
    TaskSignals signals,
    ScaffolderOptions options,
    TimeProvider time,
    Expressions.ITemplateExpressionRenderer expressions)
{
    /// <summary>How long <c>GET /events</c> waits for a first event before answering <c>[]</c>.</summary>
    public static readonly TimeSpan LongPollTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Validates the request against the template and stores an <c>open</c> task. Unknown template:
    /// <see cref="NotFoundError"/>; values or secrets failing the schemas: <see cref="TemplateValuesInvalidError"/>;
    /// a step naming an action that is not installed: <see cref="InputError"/>.
    /// </summary>
    public async Task<string> CreateAsync(
        string templateRef, JsonObject values, IReadOnlyDictionary<string, string> secrets, TaskCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(caller);
        var reference = EntityRef.Parse(templateRef, defaultKind: "template");
        var template = await templates.GetAsync(reference, cancellationToken);
        var definition = template.Definition;
        var validated = ParameterValidator.ValidateValues(template, values, expressions);
        ParameterValidator.ValidateSecrets(template, secrets);
        RequireInstalledActions(definition);

        var id = Guid.NewGuid().ToString();
        var spec = TaskSpecBuilder.Build(definition, validated, caller, definition.EntityRef, definition.BaseUrl);
        await store.CreateAsync(
            new NewTaskRecord(
                id,
                spec.ToJsonString(),
                definition.RecoverStrategy,
                caller.UserRef,
                protector.Protect(id, secrets),
                definition.Steps.Select(s => s.Id).ToList(),
                time.GetUtcNow().UtcDateTime),
            cancellationToken);
        signals.WorkAvailable();
        return id;
    }

    public async Task<(IReadOnlyList<JsonObject> Tasks, long Total)> ListAsync(TaskListQuery query, CancellationToken cancellationToken = default)
    {
        var (tasks, total) = await store.ListAsync(query, cancellationToken);
        return (tasks.Select(TaskJson.Task).ToList(), total);
    }

    public async Task<JsonObject> GetAsync(string id, CancellationToken cancellationToken = default) =>
        TaskJson.Task(await RequireAsync(id, cancellationToken));

    /// <summary>
    /// Records a <c>cancelled</c> event naming the step that was last reported (whatever the task's
    /// status, as Backstage does); the run, wherever it runs, stops at its next check.
    /// </summary>
    public async Task CancelAsync(string id, CancellationToken cancellationToken = default)
    {
        await RequireAsync(id, cancellationToken);
        var events = await store.ListEventsAsync(id, after: null, cancellationToken);
        var lastStepId = events
            .Select(e => JsonNode.Parse(e.BodyJson)?["stepId"])
            .LastOrDefault(stepId => stepId is not null)?.DeepClone() ?? JsonValue.Create(0);
        var body = new JsonObject
        {
            ["message"] = $"Step {Scaffolder.Scaffolding.Expressions.JsValues.ToText(lastStepId)} has been cancelled.",
            ["stepId"] = lastStepId,
            ["status"] = TaskStatuses.Cancelled,
        };
        await store.AppendEventAsync(id, TaskEventTypes.Cancelled, body.ToJsonString(), time.GetUtcNow().UtcDateTime, cancellationToken: cancellationToken);
        signals.CancelRun(id);
        signals.EventsAppended(id);
    }

    /// <summary>
    /// Re-queues a task with new secrets (validated against the template's secrets schema when the
    /// template still exists): its <c>cancelled</c> and <c>completion</c> events make way for a
    /// <c>recovered</c> one and its steps run again from the start.
    /// </summary>
    public async Task RetryAsync(string id, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var task = await RequireAsync(id, cancellationToken);
        var spec = JsonNode.Parse(task.SpecJson);
        var templateRef = spec?["templateInfo"]?["entityRef"]?.GetValue<string>();
        if (templateRef is not null && EntityRef.TryParse(templateRef, out var reference, out _))
        {
            CompiledTemplate? template = null;
            try
            {
                template = await templates.GetAsync(reference, cancellationToken);
            }
            catch (NotFoundError)
            {
                // The template is gone; the stored spec still says everything needed to run.
            }

            if (template is not null)
            {
                ParameterValidator.ValidateSecrets(template, secrets);
            }
        }

        var body = new JsonObject { ["recoverStrategy"] = TaskSpecBuilder.RecoverStrategyOf(spec) };
        if (!await store.RetryAsync(id, protector.Protect(id, secrets), body.ToJsonString(), time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            throw NotFound(id);
        }

        signals.AbortRun(id);
        signals.EventsAppended(id);
        signals.WorkAvailable();
    }

    /// <summary>The task's events (those after <paramref name="after"/> plus the completion, when given).</summary>
    public async Task<IReadOnlyList<JsonObject>> EventsAsync(string id, long? after, CancellationToken cancellationToken = default)
    {
        var task = await RequireAsync(id, cancellationToken);
        return await ReadEventsAsync(task, after, cancellationToken);
    }

    /// <summary>
    /// Long poll: the events available now, or, when there are none, the first ones to arrive within
    /// <paramref name="timeout"/>; an empty list when none came.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForEventsAsync(string id, long? after, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var task = await RequireAsync(id, cancellationToken);
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var events = await ReadEventsAsync(task, after, cancellationToken);
            var remaining = deadline - time.GetUtcNow();
            if (events.Count > 0 || remaining <= TimeSpan.Zero)
            {
                return events;
            }

            await signals.WaitForEventsAsync(id, Min(remaining, options.PollInterval), cancellationToken);
        }
    }

    /// <summary>
    /// Server-sent events: the existing events (after <paramref name="after"/>), then new ones as they
    /// come, in batches. Ends after the completion event unless the task can start over.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> StreamEventsAsync(
        string id, long? after, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var task = await RequireAsync(id, cancellationToken);
        var recoverable = TaskSpecBuilder.RecoverStrategyOf(JsonNode.Parse(task.SpecJson)) == "startOver";
        long? lastSent = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var events = await ReadEventsAsync(task, lastSent ?? after, cancellationToken);
            var fresh = lastSent is null ? events : events.Where(e => e["id"]!.GetValue<long>() > lastSent).ToList();
            if (fresh.Count > 0)
            {
                lastSent = fresh.Max(e => e["id"]!.GetValue<long>());
                yield return fresh;
                if (!recoverable && fresh.Any(e => e["type"]!.GetValue<string>() == TaskEventTypes.Completion))
                {
                    yield break;
                }
            }

            lastSent ??= after ?? 0;
            await signals.WaitForEventsAsync(id, options.PollInterval, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<JsonObject>> ReadEventsAsync(TaskRecord task, long? after, CancellationToken cancellationToken)
    {
        var recoverable = TaskSpecBuilder.RecoverStrategyOf(JsonNode.Parse(task.SpecJson)) == "startOver";
        var events = TaskJson.TrimToLastRecovery(await store.ListEventsAsync(task.Id, after, cancellationToken));
        return events.Select(e => TaskJson.Event(e, recoverable)).ToList();
    }

    private void RequireInstalledActions(TemplateDefinition definition)
    {
        var unknown = definition.Steps.Where(s => actions.Find(s.Action) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new InputError(
                $"Template {definition.EntityRef} cannot run: " +
                string.Join("; ", unknown.Select(s => $"step {s.Id}: {ActionRegistry.NotRegisteredMessage(s.Action)}")));
        }
    }

    private async Task<TaskRecord> RequireAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) ?? throw NotFound(id);

    private static NotFoundError NotFound(string id) => new($"No task with id '{id}' found");

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
