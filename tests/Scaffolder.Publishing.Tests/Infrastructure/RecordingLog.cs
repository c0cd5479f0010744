using System.Collections.Concurrent;

namespace Scaffolder.Publishing.Tests.Infrastructure;

/// <summary>Keeps what a publisher reported, for assertions.</summary>
public sealed class RecordingLog : IPublishLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IReadOnlyList<string> Warnings => [.. _lines.Where(l => l.StartsWith("warn: ", StringComparison.Ordinal)).Select(l => l[6..])];

    public void Info(string message) => _lines.Enqueue("info: " + message);

    public void Warn(string message) => _lines.Enqueue("warn: " + message);
}
