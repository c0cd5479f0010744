using System.Diagnostics;
using System.Globalization;

namespace Scaffolder.Benchmarks.Harness;

/// <summary>Latency samples of one operation and their percentiles.</summary>
public sealed class Latency(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public int Count => _milliseconds.Count;

    public async Task MeasureAsync(Func<Task> operation, int iterations, int warmup = 5)
    {
        ArgumentNullException.ThrowIfNull(operation);
        for (var i = 0; i < warmup; i++)
        {
            await operation();
        }

        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name,-44} p50 {Percentile(50),8:F2} ms   p95 {Percentile(95),8:F2} ms   max {Percentile(100),8:F2} ms   (n={Count})");
}
