using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Scaffolder.Common.Errors;
using Scaffolder.Publishing.Secrets;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Expressions;
using Scaffolder.Scaffolding.Tasks;
using Scaffolder.Scaffolding.Templates;
using Scaffolder.Storage.Tasks;
using Scaffolder.Templating.Backstage;

namespace Scaffolder.Scaffolding.Execution;

/// <summary>
/// Runs a task's steps in order, the way Backstage's workflow runner does: <c>if</c> and <c>each</c>,
/// inputs rendered and validated against the action's schema, outputs fed to later steps, the
/// template's <c>output</c> rendered at the end. After a failure later steps are skipped unless their
/// <c>if</c> calls <c>always()</c> or <c>failure()</c>; the task fails with the first error. Every event
/// is redacted of the task's secrets before it is recorded.
/// </summary>
public sealed class WorkflowRunner(ActionRegistry actions, ITemplateExpressionRenderer renderer, ILogger<WorkflowRunner> logger)
{
    public async Task<WorkflowOutcome> RunAsync(WorkflowRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var redactor = new SecretRedactor(run.Secrets.Values);
        await using var events = new RunEventWriter(run.Events, redactor, logger);
        var state = new RunState(run, events, redactor);
        var steps = TemplateStep.ReadAll(run.Spec["steps"], "spec");
        events.Post(TaskEventTypes.Log, new JsonObject { ["message"] = $"Starting up task with {steps.Count} steps" });

        foreach (var step in steps)
        {
            run.Abort.ThrowIfCancellationRequested();
            if (run.Cancel.IsCancellationRequested)
            {
                return Cancelled(state, step);
            }

            if (state.FirstError is not null && !renderer.RunsAfterFailure(step.If))
            {
                events.Post(
                    TaskEventTypes.Log,
                    StepBody($"Skipping step {step.Id} because a previous step failed", step, TaskStatuses.Skipped),
                    Transition(step, TaskStatuses.Skipped, started: false, finished: true));
                continue;
            }

            events.Post(
                TaskEventTypes.Log,
                StepBody($"Beginning step {step.Name}", step, TaskStatuses.Processing),
                Transition(step, TaskStatuses.Processing, started: true, finished: false));
            try
            {
                if (await ExecuteStepAsync(state, step))
                {
                    events.Post(
                        TaskEventTypes.Log,
                        StepBody($"Finished step {step.Name}", step, TaskStatuses.Completed),
                        Transition(step, TaskStatuses.Completed, started: false, finished: true));
                }
            }
            catch (Exception e) when (run.Cancel.IsCancellationRequested && !run.Abort.IsCancellationRequested)
            {
                logger.LogDebug("Task {TaskId} step {StepId} stopped by cancellation: {Message}", run.TaskId, step.Id, redactor.Redact(e.Message));
                return Cancelled(state, step);
            }
            catch (OperationCanceledException) when (run.Abort.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                var error = Describe(e, redactor);
                state.FirstError ??= error;
                LogFailure(run, step, e, redactor);
                events.Post(
                    TaskEventTypes.Log,
                    StepBody($"{error.Name}: {error.Message}", step, TaskStatuses.Failed),
                    Transition(step, TaskStatuses.Failed, started: false, finished: true));
            }
        }

        if (state.FirstError is not null)
        {
            return new WorkflowOutcome(TaskStatuses.Failed, null, state.FirstError, Cancelled: false);
        }

        var output = RenderOutput(state);
        return output.Error is null
            ? new WorkflowOutcome(TaskStatuses.Completed, JsonRedaction.RedactObject(output.Value!, redactor), null, Cancelled: false)
            : new WorkflowOutcome(TaskStatuses.Failed, null, output.Error, Cancelled: false);
    }

    /// <returns>True when the step ran (false when it was skipped, which it has already reported).</returns>
    private async Task<bool> ExecuteStepAsync(RunState state, TemplateStep step)
    {
        var run = state.Run;
        if (step.If is JsonValue literal && literal.GetValueKind() == JsonValueKind.False
            || (step.If is not null && step.Each is null && !Condition(state, step, withSecrets: false, each: null)))
        {
            state.Events.Post(
                TaskEventTypes.Log,
                StepBody($"Skipping step {step.Id} because its if condition was false", step, TaskStatuses.Skipped),
                Transition(step, TaskStatuses.Skipped, started: false, finished: true));
            return false;
        }

        var action = actions.Find(step.Action) ?? throw new StepFailedException("NotFoundError", ActionRegistry.NotRegisteredMessage(step.Action));
        if (run.IsDryRun)
        {
            var shown = RenderInput(state, step, state.MaskedSecrets, each: null, out _);
            state.Events.Post(
                TaskEventTypes.Log,
                new JsonObject
                {
                    ["message"] = $"Running {action.Id} in dry-run mode with inputs (secrets redacted): {shown.ToJsonString(IndentedJson)}",
                    ["stepId"] = step.Id,
                });
            if (!action.SupportsDryRun)
            {
                state.Events.Post(
                    TaskEventTypes.Log,
                    StepBody($"Skipping because {action.Id} does not support dry-run", step, TaskStatuses.Skipped),
                    Transition(step, TaskStatuses.Skipped, started: false, finished: true));
                state.SetStepOutput(step.Id, ExampleOutput.From(action.OutputSchema));
                return false;
            }
        }

        // Dry runs never hand real secrets to actions.
        var secrets = run.IsDryRun ? new JsonObject() : state.Secrets;
        var iterations = Iterations(state, step, secrets);
        var schema = actions.InputSchemaOf(action);
        foreach (var iteration in iterations.Where(i => i.ShouldRun))
        {
            var errors = schema.Validate(iteration.Input);
            if (errors.Count > 0)
            {
                var label = iteration.Each is null ? action.Id : $"{action.Id}[{iteration.Each["key"]}]";
                throw new StepFailedException("InputError", $"Invalid input passed to action {label}, {string.Join(", ", errors.Select(e => e.Stack))}");
            }
        }

        var outputs = new JsonObject();
        using var stepCancellation = CancellationTokenSource.CreateLinkedTokenSource(run.Cancel, run.Abort);
        foreach (var iteration in iterations)
        {
            if (iteration.Each is not null)
            {
                var verb = iteration.ShouldRun ? "Running" : "Skipping";
                state.Events.Post(
                    TaskEventTypes.Log,
                    new JsonObject { ["message"] = $"{verb} step each: {EachText(iteration.Each)}", ["stepId"] = step.Id });
            }

            if (!iteration.ShouldRun)
            {
                continue;
            }

            var context = new ActionContext
            {
                TaskId = run.TaskId,
                StepId = step.Id,
                WorkspacePath = run.WorkspacePath,
                Input = iteration.Input,
                TemplateInfo = state.TemplateInfo,
                Logger = new StepLogger(state.Events, logger, run.TaskId, step.Id),
                Secrets = run.IsDryRun ? new Dictionary<string, string>() : run.Secrets,
                User = run.Spec["user"] as JsonObject,
                IsDryRun = run.IsDryRun,
                CancellationToken = stepCancellation.Token,
            };
            await action.ExecuteAsync(context);
            foreach (var (name, value) in context.Outputs)
            {
                if (step.Each is null)
                {
                    outputs[name] = value?.DeepClone();
                }
                else
                {
                    (outputs[name] as JsonArray ?? (JsonArray)(outputs[name] = new JsonArray())).Add(value?.DeepClone());
                }
            }

            stepCancellation.Token.ThrowIfCancellationRequested();
        }

        state.SetStepOutput(step.Id, outputs);
        if (run.Cancel.IsCancellationRequested)
        {
            throw new OperationCanceledException(run.Cancel);
        }

        return true;
    }

    private List<Iteration> Iterations(RunState state, TemplateStep step, JsonObject secrets)
    {
        if (step.Each is null)
        {
            return [new Iteration(null, true, RenderInput(state, step, secrets, each: null, out _))];
        }

        // Backstage iterates Object.entries of the value: array items and string characters keyed by
        // their index, object members by name; other values have no entries, and a falsy one is an error.
        var resolved = Render(state, step.Each, secrets, each: null, $"steps[{step.Position}].each", step);
        if (!BackstageExpressionEvaluator.IsTruthy(resolved) && resolved is not JsonArray)
        {
            throw new StepFailedException(
                "InputError",
                $"Invalid value on action {step.Action}.each parameter, \"{JsValues.ToText(step.Each)}\" cannot be resolved to a value");
        }

        var entries = resolved switch
        {
            JsonArray array => array.Select((value, index) => (Key: index.ToString(System.Globalization.CultureInfo.InvariantCulture), Value: value)).ToList(),
            JsonObject obj => obj.Select(p => (p.Key, p.Value)).ToList(),
            JsonValue value when value.TryGetValue<string>(out var text) =>
                text.Select((c, index) => (Key: index.ToString(System.Globalization.CultureInfo.InvariantCulture), Value: (JsonNode?)JsonValue.Create(c.ToString()))).ToList(),
            _ => [],
        };
        return entries.Select(entry =>
        {
            var each = new JsonObject { ["key"] = entry.Key, ["value"] = entry.Value?.DeepClone() };
            var shouldRun = step.If is null || Condition(state, step, withSecrets: true, each);
            return new Iteration(each, shouldRun, RenderInput(state, step, secrets, each, out _));
        }).ToList();
    }

    private JsonObject RenderInput(RunState state, TemplateStep step, JsonObject secrets, JsonObject? each, out bool undefined)
    {
        var rendered = Render(state, step.Input ?? new JsonObject(), secrets, each, "input", step);
        undefined = rendered is null;
        return rendered as JsonObject ?? new JsonObject();
    }

    private JsonNode? Render(RunState state, JsonNode value, JsonObject? secrets, JsonObject? each, string path, TemplateStep step)
    {
        using var scope = state.Scope(secrets, each);
        var result = renderer.Render(value, scope.Value, path);
        ThrowOnErrors(result.Errors, step);
        return result.Value;
    }

    private bool Condition(RunState state, TemplateStep step, bool withSecrets, JsonObject? each)
    {
        using var scope = state.Scope(withSecrets && !state.Run.IsDryRun ? state.Secrets : null, each);
        var result = renderer.Evaluate(step.If, scope.Value, "if");
        ThrowOnErrors(result.Errors, step);
        return result.IsTrue;
    }

    private static void ThrowOnErrors(IReadOnlyList<ExpressionError> errors, TemplateStep step)
    {
        if (errors.Count > 0)
        {
            throw new StepFailedException(
                "InputError",
                $"Failed to render step {step.Id} of template.yaml: " + string.Join("; ", errors));
        }
    }

    private (JsonObject? Value, WorkflowError? Error) RenderOutput(RunState state)
    {
        if (state.Run.Spec["output"] is not JsonObject output)
        {
            return (new JsonObject(), null);
        }

        using var scope = state.Scope(secrets: null, each: null);
        var result = renderer.Render(output, scope.Value, "output");
        if (result.Errors.Count > 0)
        {
            var message = "Failed to render the template output of template.yaml: " + string.Join("; ", result.Errors);
            return (null, new WorkflowError("InputError", state.Redactor.Redact(message)));
        }

        var rendered = result.Value as JsonObject ?? new JsonObject();
        foreach (var list in new[] { "links", "text" })
        {
            if (rendered[list] is JsonArray items)
            {
                rendered[list] = new JsonArray(items
                    .Where(item => item is not JsonObject obj || !obj.ContainsKey("if") || BackstageExpressionEvaluator.IsTruthy(obj["if"]))
                    .Select(item => Without(item, "if"))
                    .ToArray());
            }
        }

        return (rendered, null);
    }

    private static WorkflowOutcome Cancelled(RunState state, TemplateStep step)
    {
        state.Events.Post(
            TaskEventTypes.Log,
            StepBody($"Step {step.Id} has been cancelled.", step, TaskStatuses.Cancelled),
            Transition(step, TaskStatuses.Cancelled, started: false, finished: true));
        var error = new WorkflowError("Error", $"Step {step.Id} ({step.Name}) of task {state.Run.TaskId} has been cancelled.");
        return new WorkflowOutcome(TaskStatuses.Failed, null, error, Cancelled: true);
    }

    private void LogFailure(WorkflowRun run, TemplateStep step, Exception e, SecretRedactor redactor)
    {
        if (e is StepFailedException or ServiceError)
        {
            logger.LogInformation("Task {TaskId} step {StepId} failed: {Message}", run.TaskId, step.Id, redactor.Redact(e.Message));
        }
        else
        {
            logger.LogWarning("Task {TaskId} step {StepId} ({Action}) threw: {Error}", run.TaskId, step.Id, step.Action, redactor.Redact(e.ToString()));
        }
    }

    private static WorkflowError Describe(Exception e, SecretRedactor redactor) => e switch
    {
        StepFailedException failed => new WorkflowError(failed.Name, redactor.Redact(failed.Message)),
        ServiceError service => new WorkflowError(service.Name, redactor.Redact(service.Message)),
        _ => new WorkflowError("Error", redactor.Redact(e.Message)),
    };

    private static JsonNode? Without(JsonNode? item, string key)
    {
        if (item is not JsonObject obj)
        {
            return item?.DeepClone();
        }

        var copy = (JsonObject)obj.DeepClone();
        copy.Remove(key);
        return copy;
    }

    private static string EachText(JsonObject each) =>
        new JsonObject { ["key"] = JsValues.ToText(each["key"]), ["value"] = JsValues.ToText(each["value"]) }.ToJsonString();

    private static JsonObject StepBody(string message, TemplateStep step, string status) =>
        new() { ["message"] = message, ["stepId"] = step.Id, ["status"] = status };

    private static StepTransition Transition(TemplateStep step, string status, bool started, bool finished) => new(step.Position, status, started, finished);

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private sealed record Iteration(JsonObject? Each, bool ShouldRun, JsonObject Input);
}
