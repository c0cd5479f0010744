using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Builtin;

/// <summary>Configuration section <c>Scaffolder:Actions:DebugWait</c>.</summary>
public sealed class DebugWaitOptions
{
    public const string SectionName = "Scaffolder:Actions:DebugWait";

    /// <summary>The longest wait a step may ask for (Backstage's default: 10 minutes).</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// <c>debug:wait</c>: waits for <c>minutes</c> + <c>seconds</c> + <c>milliseconds</c>. A wait longer than
/// the configured maximum is refused; cancelling the task ends the wait at once.
/// </summary>
public sealed class DebugWaitAction(DebugWaitOptions? options = null, TimeProvider? time = null) : BuiltinAction(InputSchemaJson)
{
    private const string InputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "minutes": { "title": "Waiting period in minutes.", "type": "number" },
            "seconds": { "title": "Waiting period in seconds.", "type": "number" },
            "milliseconds": { "title": "Waiting period in milliseconds.", "type": "number" }
          }
        }
        """;

    private readonly DebugWaitOptions _options = options ?? new DebugWaitOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public override string Id => "debug:wait";

    public override string Description => "Waits a certain period of time.";

    public override bool SupportsDryRun => false;

    public override IReadOnlyList<ActionExample> Examples =>
    [
        new("Wait 50 milliseconds.", """
            steps:
              - id: wait
                action: debug:wait
                input:
                  milliseconds: 50
            """),
        new("Wait a minute and a half.", """
            steps:
              - id: wait
                action: debug:wait
                input:
                  minutes: 1
                  seconds: 30
            """),
    ];

    protected override async Task RunAsync(ActionContext context, StepInput input)
    {
        var totalMilliseconds = Part(input, "minutes", 60_000) + Part(input, "seconds", 1_000) + Part(input, "milliseconds", 1);
        if (totalMilliseconds > _options.MaxWait.TotalMilliseconds)
        {
            throw new InputError($"{Id}: waiting duration is longer than the maximum threshold of {_options.MaxWait:c}");
        }

        var delay = TimeSpan.FromMilliseconds(totalMilliseconds);
        context.Logger.Info($"Waiting {delay:c}");
        await Task.Delay(delay, _time, context.CancellationToken);
    }

    private static double Part(StepInput input, string name, double millisecondsPerUnit)
    {
        var value = input.Number(name) ?? 0;
        return value < 0 ? throw input.Error(name, "must not be negative") : value * millisecondsPerUnit;
    }
}
