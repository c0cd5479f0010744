namespace Scaffolder.Benchmarks.Harness;

/// <summary>
/// One benchmark scenario, run as <c>dotnet run -c Release --project bench/Scaffolder.Benchmarks -- &lt;name&gt; [options]</c>.
/// Scenarios measure whole operations (ingest, HTTP round trips) against real databases and print a
/// table of figures.
/// </summary>
public interface IBenchmarkHarness
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
