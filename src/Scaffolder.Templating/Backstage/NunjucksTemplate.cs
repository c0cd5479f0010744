using System.Text.Json.Nodes;
using Scaffolder.Templating.Parsing.Nunjucks;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Runtime.Nunjucks;
using Scaffolder.Templating.Syntax.Nunjucks;

namespace Scaffolder.Templating.Backstage;

/// <summary>
/// A parsed (compiled) template in Backstage's dialect of Nunjucks, as <c>fetch:template</c> renders
/// skeleton files and paths: <c>${{ expr }}</c> output, <c>{% %}</c> tags, <c>{# #}</c> comments;
/// bare <c>{{ }}</c> is plain text. Configured as Backstage configures Nunjucks: no autoescaping,
/// Backstage's filters, undefined values print as nothing. Parse once, render many times, from any
/// number of threads.
/// </summary>
public sealed class NunjucksTemplate
{
    private readonly NunjucksBody _body;
    private readonly NunjucksEnvironment _environment;

    private NunjucksTemplate(string name, NunjucksBody body, NunjucksEnvironment environment, IReadOnlyList<TemplateMessage> messages)
    {
        Name = name;
        _body = body;
        _environment = environment;
        Messages = messages;
    }

    /// <summary>The name used in messages and errors (usually the file's path in the skeleton).</summary>
    public string Name { get; }

    public bool HasErrors => Messages.Count > 0;

    /// <summary>
    /// The parse errors with their locations. Nunjucks stops at the first syntax error, and so does
    /// this parser: there is at most one.
    /// </summary>
    public IReadOnlyList<TemplateMessage> Messages { get; }

    /// <summary>Parses template text. Never throws on bad syntax: check <see cref="HasErrors"/>.</summary>
    public static NunjucksTemplate Parse(string text, string name = "text", BackstageEvaluatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        var environment = NunjucksEnvironment.For(options ?? BackstageEvaluatorOptions.Default);
        var parser = new NunjucksTemplateParser(
            text, name, environment.MaxDepth, environment.IsFilter, environment.IsTest, environment.Options.TrimBlocks, environment.Options.LstripBlocks);
        var body = parser.Parse(out var error);
        return new NunjucksTemplate(name, body, environment, error is null ? [] : [error]);
    }

    /// <summary>
    /// Renders with <paramref name="context"/> as the template's variables (<c>values</c>, or
    /// <c>parameters</c>/<c>steps</c>/... for template.yaml strings).
    /// </summary>
    /// <exception cref="TemplateRuntimeException">
    /// A runtime error (unknown function, method call on undefined...), with the template's name, line
    /// and column; <see cref="TemplateLimitExceededException"/> when a limit of
    /// <see cref="BackstageEvaluatorOptions.RenderOptions"/> is exceeded; also thrown when the template has
    /// parse errors, carrying the first one.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public string Render(JsonObject context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Render(NunjucksContext.From(context), cancellationToken);
    }

    /// <summary>
    /// Renders with a context converted once (<see cref="NunjucksContext.From"/>): the way to render
    /// the many files and paths of a skeleton with the same values.
    /// </summary>
    /// <exception cref="TemplateRuntimeException">As <see cref="Render(JsonObject, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public string Render(NunjucksContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HasErrors)
        {
            var first = Messages[0];
            throw new TemplateRuntimeException(first.Span, first.Message);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var settings = _environment.RenderOptions.ToSettings(cancellationToken, LanguageSemantics.JavaScriptLike, _environment.Globals);
        return NunjucksRenderer.Render(_body, settings, Name, context.Values);
    }

    public override string ToString() => Name;
}
