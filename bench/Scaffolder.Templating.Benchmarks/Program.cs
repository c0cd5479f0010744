using System.Diagnostics;
using BenchmarkDotNet.Running;
using Scaffolder.Templating;
using Scaffolder.Templating.Benchmarks;

// Modes:
//   (default)            BenchmarkDotNet (pass its usual arguments, e.g. --filter * --job short)
//   --verify             render both engines once and check the outputs are identical
//   --allocations [N]    render N times (default 1,000,000) and report memory and allocation growth
if (args.Length > 0 && args[0] == "--verify")
{
    return Verify();
}

if (args.Length > 0 && args[0] == "--allocations")
{
    return CheckAllocations(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
return 0;

static int Verify()
{
    var model = SkeletonModel.Create();
    var scriban = Template.Parse(Skeleton.Scriban, "service-overview.md");
    if (scriban.HasErrors)
    {
        Console.Error.WriteLine(string.Join("\n", scriban.Messages));
        return 1;
    }

    var ours = scriban.Render(model);
    var theirs = HandlebarsSetup.Create().Compile(Skeleton.Handlebars)(model);
    var parseInput = Skeleton.ThreeHundredLines();
    var parsed = Template.Parse(parseInput);
    Console.WriteLine($"Skeleton: {Skeleton.Scriban.Split('\n').Length} lines; output {ours.Length} chars; parse input {parseInput.Split('\n').Length} lines, errors: {parsed.Messages.Count}");
    if (ours == theirs)
    {
        Console.WriteLine("Outputs are identical.");
        return 0;
    }

    File.WriteAllText("scriban-output.md", ours);
    File.WriteAllText("handlebars-output.md", theirs);
    Console.Error.WriteLine("Outputs differ: see scriban-output.md and handlebars-output.md.");
    return 1;
}

static int CheckAllocations(int renders)
{
    var template = Template.Parse(Skeleton.Scriban, "service-overview.md");
    var model = SkeletonModel.Create();
    const int window = 10_000;
    for (var i = 0; i < window; i++)
    {
        template.Render(model);
    }

    long firstWindow = 0;
    long lastWindow = 0;
    var stopwatch = Stopwatch.StartNew();
    var baselineMemory = SettledMemory();
    for (var i = 0; i < renders; i++)
    {
        var before = i < window || i >= renders - window ? GC.GetAllocatedBytesForCurrentThread() : 0;
        template.Render(model);
        if (i < window)
        {
            firstWindow += GC.GetAllocatedBytesForCurrentThread() - before;
        }
        else if (i >= renders - window)
        {
            lastWindow += GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }

    stopwatch.Stop();
    var finalMemory = SettledMemory();
    Console.WriteLine($"Renders: {renders:N0} in {stopwatch.Elapsed.TotalSeconds:F1} s ({stopwatch.Elapsed.TotalMicroseconds / renders:F2} µs each)");
    Console.WriteLine($"Allocated per render: first {window:N0}: {firstWindow / window:N0} B, last {window:N0}: {lastWindow / window:N0} B");
    Console.WriteLine($"Live heap after full GC: before {baselineMemory:N0} B, after {finalMemory:N0} B (growth {finalMemory - baselineMemory:N0} B)");
    var grew = lastWindow > firstWindow * 1.01 || finalMemory - baselineMemory > 1_000_000;
    Console.WriteLine(grew ? "FAIL: allocations or live memory grew." : "OK: no allocation growth.");
    return grew ? 1 : 0;

    static long SettledMemory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
