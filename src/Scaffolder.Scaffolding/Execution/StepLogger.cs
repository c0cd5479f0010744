using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Tasks;

namespace Scaffolder.Scaffolding.Execution;

/// <summary>An action's log: each line becomes a <c>log</c> event of its step (and a service log line), secrets redacted.</summary>
internal sealed class StepLogger(RunEventWriter events, ILogger logger, string taskId, string stepId) : IActionLogger
{
    public void Info(string message) => Write(LogLevel.Information, message);

    public void Warn(string message) => Write(LogLevel.Warning, message);

    public void Error(string message) => Write(LogLevel.Error, message);

    private void Write(LogLevel level, string message)
    {
        var text = events.Redactor.Redact(message ?? string.Empty);
        events.Post(TaskEventTypes.Log, new JsonObject { ["message"] = text, ["stepId"] = stepId });
        logger.Log(level == LogLevel.Information ? LogLevel.Debug : level, "Task {TaskId} step {StepId}: {Message}", taskId, stepId, text);
    }
}
