using System.Text.Json.Nodes;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Scaffolding.Expressions.Backstage;
using Scaffolder.Templating;
using Scaffolder.Templating.Backstage;

namespace Scaffolder.Scaffolding.Actions.Skeletons;

/// <summary>
/// Skeletons in Backstage's dialect of Nunjucks (<c>${{ values.name }}</c>, <c>{% if %}</c>, <c>{# #}</c>;
/// bare <c>{{ }}</c> is plain text), rendered by <see cref="NunjucksTemplate"/> with the same filters and
/// SCM integrations as template.yaml expressions: what <c>fetch:template</c> renders by default.
/// </summary>
public sealed class NunjucksSkeletonEngine(BackstageEvaluatorOptions? options = null) : ISkeletonTemplateEngine
{
    /// <summary>The extension <c>templateFileExtension: true</c> stands for.</summary>
    public const string Extension = ".njk";

    // One options instance for every template: the parsed environment is cached per instance.
    private readonly BackstageEvaluatorOptions _options = options ?? new BackstageEvaluatorOptions
    {
        RenderOptions = new TemplateRenderOptions { OutputLimit = 16 * 1024 * 1024 },
    };

    private readonly Dictionary<(bool, bool), NunjucksSkeletonEngine> _variants = [];

    public string Name => "Nunjucks";

    /// <summary>An engine whose <c>parseRepoUrl</c> and <c>projectSlug</c> know the configured SCM integrations.</summary>
    public static NunjucksSkeletonEngine For(ScmIntegrations integrations) => new(new BackstageEvaluatorOptions
    {
        IntegrationType = host => BackstageExpressionRenderer.IntegrationTypeOf(integrations, host),
        RenderOptions = new TemplateRenderOptions { OutputLimit = 16 * 1024 * 1024 },
    });

    public bool MayContainExpressions(string text) =>
        text.Contains("${{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal) || text.Contains("{#", StringComparison.Ordinal);

    /// <summary>
    /// This engine with Nunjucks' <c>trimBlocks</c> / <c>lstripBlocks</c> (the <c>fetch:template</c> inputs);
    /// each variant is made once and kept, so its parsed environment is too.
    /// </summary>
    public NunjucksSkeletonEngine WithWhitespaceControl(bool trimBlocks, bool lstripBlocks)
    {
        if (trimBlocks == _options.TrimBlocks && lstripBlocks == _options.LstripBlocks)
        {
            return this;
        }

        lock (_variants)
        {
            if (!_variants.TryGetValue((trimBlocks, lstripBlocks), out var variant))
            {
                variant = new NunjucksSkeletonEngine(new BackstageEvaluatorOptions
                {
                    Filters = _options.Filters,
                    Globals = _options.Globals,
                    IntegrationType = _options.IntegrationType,
                    RenderOptions = _options.RenderOptions,
                    MaxDepth = _options.MaxDepth,
                    TrimBlocks = trimBlocks,
                    LstripBlocks = lstripBlocks,
                });
                _variants[(trimBlocks, lstripBlocks)] = variant;
            }

            return variant;
        }
    }

    public ISkeletonContext Prepare(JsonObject context) => new Context(NunjucksContext.From(context));

    public ISkeletonTemplate Compile(string text, string name)
    {
        var template = NunjucksTemplate.Parse(text, name, _options);
        if (template.HasErrors)
        {
            var first = template.Messages[0];
            throw new SkeletonTemplateException(name, first.Line, first.Column, first.Message);
        }

        return new Compiled(template);
    }

    private sealed record Context(NunjucksContext Values) : ISkeletonContext;

    private sealed class Compiled(NunjucksTemplate template) : ISkeletonTemplate
    {
        public string Render(ISkeletonContext context, CancellationToken cancellationToken)
        {
            try
            {
                return template.Render(((Context)context).Values, cancellationToken);
            }
            catch (TemplateRuntimeException e)
            {
                throw new SkeletonTemplateException(e.TemplateName, e.Line, e.Column, e.Reason, e);
            }
        }
    }
}
