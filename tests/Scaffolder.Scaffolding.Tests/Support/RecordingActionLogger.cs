using System.Collections.Concurrent;
using Scaffolder.Scaffolding.Actions;

namespace Scaffolder.Scaffolding.Tests.Support;

/// <summary>Keeps every line an action logs, with its level.</summary>
public sealed class RecordingActionLogger : IActionLogger
{
    private readonly ConcurrentQueue<(string Level, string Message)> _lines = new();

    public IReadOnlyList<(string Level, string Message)> Lines => [.. _lines];

    public string Text => string.Join("\n", _lines.Select(l => $"{l.Level}: {l.Message}"));

    public void Info(string message) => _lines.Enqueue(("info", message));

    public void Warn(string message) => _lines.Enqueue(("warn", message));

    public void Error(string message) => _lines.Enqueue(("error", message));
}
