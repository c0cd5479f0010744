using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Scaffolder.Publishing.Secrets;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Scaffolding.Execution;

/// <summary>
/// Writes a run's events in the order they are posted, redacted, on one background writer: neither
/// actions (which log synchronously) nor the engine wait for the database between steps. Disposing
/// drains the queue, so every event is stored before the run's completion is.
/// </summary>
internal sealed class RunEventWriter : IAsyncDisposable
{
    private const int MaxBatch = 200;

    private readonly Channel<WorkflowEvent> _queue = Channel.CreateUnbounded<WorkflowEvent>(new UnboundedChannelOptions { SingleReader = true });
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
        _queue.Writer.TryWrite(new WorkflowEvent(type, JsonRedaction.RedactObject(body, _redactor), step));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync()
    {
        var batch = new List<WorkflowEvent>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            // Whatever piled up while the last batch was written goes in one transaction.
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                // Events are written even while the run is being cancelled: they are how the cancel shows.
                await _sink.WriteAsync(batch, CancellationToken.None);
            }
            catch (Exception e)
            {
                _logger.LogWarning("Could not record {Count} task event(s): {Message}", batch.Count, _redactor.Redact(e.Message));
            }

            batch = [];
        }
    }
}
