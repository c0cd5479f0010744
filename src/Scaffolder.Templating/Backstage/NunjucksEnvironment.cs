using System.Runtime.CompilerServices;
using Scaffolder.Templating.Builtins.Nunjucks;
using Scaffolder.Templating.Parsing.Nunjucks;
using Scaffolder.Templating.Runtime.JavaScript;

namespace Scaffolder.Templating.Backstage;

/// <summary>
/// Nunjucks configured as Backstage configures it, for one set of options: the standard filters and
/// tests, Backstage's filters, the host's filters and globals, and the limits. Built once per options
/// object and shared by every template and evaluator using it.
/// </summary>
internal sealed class NunjucksEnvironment
{
    private static readonly ConditionalWeakTable<BackstageEvaluatorOptions, NunjucksEnvironment> Cache = new();

    private NunjucksEnvironment(BackstageEvaluatorOptions options)
    {
        Options = options;
        var globals = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["range"] = NunjucksGlobals.Range,
            ["joiner"] = NunjucksGlobals.Joiner,
            ["cycler"] = NunjucksGlobals.Cycler,
        };
        foreach (var (name, value) in options.Globals ?? new Dictionary<string, object?>())
        {
            globals[name] = value;
        }

        foreach (var (name, filter) in NunjucksFilters.All)
        {
            globals[NunjucksExpressionParser.FilterPrefix + name] = filter;
        }

        foreach (var (name, filter) in BackstageFilters.Create(options.IntegrationType ?? BackstageFilters.DefaultIntegrationType))
        {
            globals[NunjucksExpressionParser.FilterPrefix + name] = filter;
        }

        foreach (var (name, filter) in options.Filters ?? new Dictionary<string, TemplateFunction>())
        {
            globals[NunjucksExpressionParser.FilterPrefix + name] = filter;
        }

        foreach (var (name, test) in NunjucksTests.All)
        {
            globals[NunjucksExpressionParser.TestPrefix + name] = test;
        }

        Globals = globals;
        IsFilter = name => globals.ContainsKey(NunjucksExpressionParser.FilterPrefix + name);
        IsTest = name => globals.ContainsKey(NunjucksExpressionParser.TestPrefix + name);
    }

    public BackstageEvaluatorOptions Options { get; }

    /// <summary>Host globals, and the filters and tests under names templates cannot write.</summary>
    public IReadOnlyDictionary<string, object?> Globals { get; }

    public Func<string, bool> IsFilter { get; }

    public Func<string, bool> IsTest { get; }

    public int MaxDepth => Options.MaxDepth;

    public TemplateRenderOptions RenderOptions => Options.RenderOptions;

    public static NunjucksEnvironment For(BackstageEvaluatorOptions options) =>
        Cache.GetValue(options, static created => new NunjucksEnvironment(created));
}
