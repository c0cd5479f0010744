namespace Scaffolder.Scaffolding.Tasks;

/// <summary>Wakes everyone waiting at the moment it is signalled (waiters arriving later wait for the next signal).</summary>
public sealed class Pulse
{
    private TaskCompletionSource _current = NewSource();

    public void Signal() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

    /// <summary>Waits for the next signal or the timeout; true when signalled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signalled = Volatile.Read(ref _current).Task;
        try
        {
            await signalled.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
