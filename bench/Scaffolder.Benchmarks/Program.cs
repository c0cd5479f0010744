using System.Reflection;
using Scaffolder.Benchmarks.Harness;

var harnesses = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmarkHarness).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmarkHarness)Activator.CreateInstance(t)!)
    .OrderBy(h => h.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || harnesses.All(h => h.Name != args[0]))
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/Scaffolder.Benchmarks -- <scenario> [options]");
    foreach (var harness in harnesses)
    {
        Console.WriteLine($"  {harness.Name,-12} {harness.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await harnesses.Single(h => h.Name == args[0]).RunAsync(args[1..], cancellation.Token);
