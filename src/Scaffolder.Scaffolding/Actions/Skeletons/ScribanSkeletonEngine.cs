using System.Text.Json.Nodes;
using Scaffolder.Templating;

namespace Scaffolder.Scaffolding.Actions.Skeletons;

/// <summary>
/// Skeletons written in Scriban's language (<c>{{ values.name }}</c>), rendered by <see cref="Scaffolder.Templating"/>:
/// what <c>templateFileExtension: .sbn</c> selects, for the product's own golden-path templates.
/// </summary>
public sealed class ScribanSkeletonEngine(TemplateRenderOptions? renderOptions = null) : ISkeletonTemplateEngine
{
    /// <summary>The file extension that selects this engine.</summary>
    public const string Extension = ".sbn";

    private readonly TemplateRenderOptions _options = renderOptions ?? new TemplateRenderOptions { OutputLimit = 16 * 1024 * 1024 };

    public string Name => "Scriban";

    public bool MayContainExpressions(string text) => text.Contains("{{", StringComparison.Ordinal);

    public ISkeletonTemplate Compile(string text, string name)
    {
        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            var first = template.Messages[0];
            throw new SkeletonTemplateException(name, first.Line, first.Column, string.Join("; ", template.Messages.Select(m => m.Message)));
        }

        return new Compiled(template, _options);
    }

    public ISkeletonContext Prepare(JsonObject context) => new Context(context);

    private sealed record Context(JsonObject Values) : ISkeletonContext;

    private sealed class Compiled(Template template, TemplateRenderOptions options) : ISkeletonTemplate
    {
        public string Render(ISkeletonContext context, CancellationToken cancellationToken)
        {
            try
            {
                return template.Render(((Context)context).Values, options, cancellationToken);
            }
            catch (TemplateRuntimeException e)
            {
                throw new SkeletonTemplateException(e.TemplateName, e.Line, e.Column, e.Reason, e);
            }
        }
    }
}
