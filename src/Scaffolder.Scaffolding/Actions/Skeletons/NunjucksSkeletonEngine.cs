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

    public string Name => "Nunjucks";

    /// <summary>An engine whose <c>parseRepoUrl</c> and <c>projectSlug</c> know the configured SCM integrations.</summary>
    public static NunjucksSkeletonEngine For(ScmIntegrations integrations) => new(new BackstageEvaluatorOptions
    {
        IntegrationType = host => BackstageExpressionRenderer.IntegrationTypeOf(integrations, host),
        RenderOptions = new TemplateRenderOptions { OutputLimit = 16 * 1024 * 1024 },
    });

    public bool MayContainExpressions(string text) =>
        text.Contains("${{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal) || text.Contains("{#", StringComparison.Ordinal);

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

    private sealed class Compiled(NunjucksTemplate template) : ISkeletonTemplate
    {
        public string Render(JsonObject context, CancellationToken cancellationToken)
        {
            try
            {
                return template.Render(context, cancellationToken);
            }
            catch (TemplateRuntimeException e)
            {
                throw new SkeletonTemplateException(e.TemplateName, e.Line, e.Column, e.Reason, e);
            }
        }
    }
}
