using System.Text.Json.Nodes;
using Scaffolder.Publishing.Secrets;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Expressions;

namespace Scaffolder.Scaffolding.Execution;

/// <summary>
/// What a run accumulates: the expression context (<c>parameters</c>, <c>environment</c>, <c>steps</c>, <c>user</c>,
/// <c>context.task.id</c>), the first error, and the secrets that only some renders may see.
/// </summary>
internal sealed class RunState
{
    private readonly JsonObject _context;
    private readonly JsonObject _steps = new();

    public RunState(WorkflowRun run, RunEventWriter events, SecretRedactor redactor)
    {
        Run = run;
        Events = events;
        Redactor = redactor;
        _context = new JsonObject
        {
            ["parameters"] = run.Spec["parameters"]?.DeepClone() ?? new JsonObject(),

            // Backstage's default environment (app-config scaffolder.defaultEnvironment), empty here.
            ["environment"] = new JsonObject { ["parameters"] = new JsonObject(), ["secrets"] = new JsonObject() },
            ["steps"] = _steps,
            ["user"] = run.Spec["user"]?.DeepClone() ?? new JsonObject(),
            ["context"] = new JsonObject { ["task"] = new JsonObject { ["id"] = run.TaskId } },
        };
        Secrets = new JsonObject();
        MaskedSecrets = new JsonObject();
        foreach (var (name, value) in run.Secrets)
        {
            Secrets[name] = value;
            MaskedSecrets[name] = SecretRedactor.Mask;
        }

        var info = run.Spec["templateInfo"];
        TemplateInfo = new TemplateInfo(
            info?["entityRef"]?.GetValue<string>() ?? string.Empty,
            info?["baseUrl"]?.GetValue<string>());
    }

    public WorkflowRun Run { get; }

    public RunEventWriter Events { get; }

    public SecretRedactor Redactor { get; }

    public JsonObject Secrets { get; }

    /// <summary>The secrets' names with <c>***</c> values, for showing rendered inputs in dry runs.</summary>
    public JsonObject MaskedSecrets { get; }

    public TemplateInfo TemplateInfo { get; }

    public WorkflowError? FirstError { get; set; }

    public void SetStepOutput(string stepId, JsonObject output) => _steps[stepId] = new JsonObject { ["output"] = output };

    /// <summary>
    /// The context with <c>secrets</c> and <c>each</c> present only for the scope's lifetime (renders are
    /// synchronous and a run is sequential, so the one context object is safely reused).
    /// </summary>
    public ContextScope Scope(JsonObject? secrets, JsonObject? each)
    {
        if (secrets is not null)
        {
            _context["secrets"] = secrets;
        }

        if (each is not null)
        {
            _context["each"] = each;
        }

        return new ContextScope(this, new ExpressionScope
        {
            Context = _context,
            PreviousStepFailed = FirstError is not null,
            CancellationToken = Run.Abort,
        });
    }

    internal sealed class ContextScope(RunState state, ExpressionScope value) : IDisposable
    {
        public ExpressionScope Value { get; } = value;

        public void Dispose()
        {
            // Detach so the same nodes can be attached again by the next scope.
            state._context.Remove("secrets");
            state._context.Remove("each");
        }
    }
}
