using BenchmarkDotNet.Attributes;
using HandlebarsDotNet;

namespace Scaffolder.Templating.Benchmarks;

/// <summary>Render of the same skeleton by our Scriban engine and by Handlebars.Net, in the same run.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private Template _scriban = null!;
    private HandlebarsTemplate<object, object> _handlebars = null!;
    private Dictionary<string, object?> _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scriban = Template.Parse(Skeleton.Scriban, "service-overview.md");
        if (_scriban.HasErrors)
        {
            throw new InvalidOperationException(string.Join("\n", _scriban.Messages));
        }

        _handlebars = HandlebarsSetup.Create().Compile(Skeleton.Handlebars);
        _model = SkeletonModel.Create();
    }

    [Benchmark(Baseline = true, Description = "Handlebars.Net render")]
    public string RenderHandlebars() => _handlebars(_model);

    [Benchmark(Description = "Scaffolder Scriban render")]
    public string RenderScriban() => _scriban.Render(_model);
}

/// <summary>Parse (compile) cost of a 300-line template.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string _text = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = Skeleton.ThreeHundredLines();
        var template = Template.Parse(_text);
        if (template.HasErrors)
        {
            throw new InvalidOperationException(string.Join("\n", template.Messages));
        }
    }

    [Benchmark(Description = "Scaffolder Scriban parse (300 lines)")]
    public Template Parse() => Template.Parse(_text);
}
