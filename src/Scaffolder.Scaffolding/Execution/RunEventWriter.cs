using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Scaffolder.Publishing.Secrets;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Execution;

/// <summary>
/// Writes a run's events in the order they happen, redacted. Action log lines are posted without
/// waiting (actions log synchronously); the engine's own events wait until written, so a step's
/// "Finished" never lands before the lines the step logged.
/// </summary>
internal sealed class RunEventWriter : IAsyncDisposable
{
    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IWorkflowEventSink _sink;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;
    private readonly Task _pump;

    public RunEventWriter(IWorkflowEventSink sink, SecretRedactor redactor, ILogger logger)
    {
        _sink = sink;
        _redactor = redactor;
        _logger = logger;
        _pump = Task.Run(PumpAsync);
    }

    public SecretRedactor Redactor => _redactor;

    public void Post(string type, JsonObject body, StepTransition? step = null) =>
        _queue.Writer.TryWrite(new Item(type, JsonRedaction.RedactObject(body, _redactor), step, null));

    public Task WriteAsync(string type, JsonObject body, StepTransition? step = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Item(type, JsonRedaction.RedactObject(body, _redactor), step, done)))
        {
            done.TrySetException(new InvalidOperationException("The run's event log is closed."));
        }

        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync())
        {
            try
            {
                // Events are written even while the run is being cancelled: they are how the cancel shows.
                await _sink.WriteAsync(item.Type, item.Body, item.Step, CancellationToken.None);
                item.Done?.TrySetResult();
            }
            catch (Exception e)
            {
                _logger.LogWarning("Could not record a task event: {Message}", _redactor.Redact(e.Message));
                item.Done?.TrySetException(e);
            }
        }
    }

    private sealed record Item(string Type, JsonObject Body, StepTransition? Step, TaskCompletionSource? Done);
}
