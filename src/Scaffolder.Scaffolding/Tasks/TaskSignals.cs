using System.Collections.Concurrent;

namespace Scaffolder.Scaffolding.Tasks;

/// <summary>
/// In-process notifications that make this replica react at once: new work for idle workers, new
/// events for watchers of a task, cancellation for the run of a task. Other replicas' changes are
/// picked up by polling the database; these signals only shorten the wait.
/// </summary>
public sealed class TaskSignals
{
    private readonly Pulse _work = new();
    private readonly ConcurrentDictionary<string, Pulse> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RunHandle> _runs = new(StringComparer.Ordinal);

    public void WorkAvailable() => _work.Signal();

    public Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => _work.WaitAsync(timeout, cancellationToken);

    public void EventsAppended(string taskId)
    {
        if (_events.TryGetValue(taskId, out var pulse))
        {
            pulse.Signal();
        }
    }

    /// <summary>Waits until an event of the task is appended in this process, or the timeout.</summary>
    public Task<bool> WaitForEventsAsync(string taskId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Pulses are tiny and reused by every later watcher of the task, so they are kept rather than ref-counted.
        var pulse = _events.GetOrAdd(taskId, _ => new Pulse());
        return pulse.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>Forgets the task's event pulse (its run is over and nobody will append more).</summary>
    public void Forget(string taskId) => _events.TryRemove(taskId, out _);

    /// <summary>Registers a run in this process: <paramref name="cancel"/> stops it as cancelled, <paramref name="abort"/> stops it without an outcome.</summary>
    public object RunStarted(string taskId, CancellationTokenSource cancel, CancellationTokenSource abort)
    {
        var handle = new RunHandle(cancel, abort);
        _runs[taskId] = handle;
        return handle;
    }

    public void RunEnded(string taskId, object handle) =>
        _runs.TryRemove(new KeyValuePair<string, RunHandle>(taskId, (RunHandle)handle));

    /// <summary>Cancels the task's run if it runs in this process.</summary>
    public void CancelRun(string taskId)
    {
        if (_runs.TryGetValue(taskId, out var run))
        {
            Trigger(run.Cancel);
        }
    }

    /// <summary>Stops the task's run in this process without an outcome (the task was taken away from it).</summary>
    public void AbortRun(string taskId)
    {
        if (_runs.TryGetValue(taskId, out var run))
        {
            Trigger(run.Abort);
        }
    }

    private static void Trigger(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended in between.
        }
    }

    private sealed record RunHandle(CancellationTokenSource Cancel, CancellationTokenSource Abort);
}
