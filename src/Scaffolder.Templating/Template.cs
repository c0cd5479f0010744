using Scaffolder.Templating.Parsing;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating;

/// <summary>
/// A parsed (compiled) Scriban template. Parse once, render many times, from any number of threads,
/// each render with its own model.
/// </summary>
public sealed class Template
{
    private readonly BlockStatement _body;

    private Template(string name, BlockStatement body, IReadOnlyList<TemplateMessage> messages)
    {
        Name = name;
        _body = body;
        Messages = messages;
    }

    /// <summary>The name used in messages (<c>name(line,column) : error : ...</c>).</summary>
    public string Name { get; }

    public bool HasErrors => Messages.Count > 0;

    /// <summary>Every parse error, in the order found.</summary>
    public IReadOnlyList<TemplateMessage> Messages { get; }

    /// <summary>Parses template text (text with <c>{{ }}</c> code blocks). Never throws on bad input: check <see cref="HasErrors"/>.</summary>
    public static Template Parse(string text, string name = "text", TemplateParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        options ??= TemplateParseOptions.Default;
        var parser = new ScribanParser(text, name, options.MaxDepth);
        var body = parser.Parse();
        return new Template(name, body, parser.Messages.ToArray());
    }

    /// <summary>
    /// Renders with <paramref name="model"/> as the template's globals: an
    /// <c>IDictionary&lt;string, object?&gt;</c>, a JSON object (<c>JsonNode</c>/<c>JsonElement</c>),
    /// YAML-shaped data (<c>IDictionary&lt;object, object?&gt;</c>), or null.
    /// </summary>
    /// <exception cref="TemplateRuntimeException">The template failed; the exception carries the location.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public string Render(object? model = null, TemplateRenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (HasErrors)
        {
            throw new InvalidOperationException($"The template `{Name}` has parse errors and cannot be rendered:\n{string.Join("\n", Messages)}");
        }

        var normalizedModel = NormalizeModel(model);
        var settings = (options ?? TemplateRenderOptions.Default).ToSettings(cancellationToken);
        var context = RenderContext.Rent(settings, Name);
        try
        {
            context.SetModel(normalizedModel);
            var result = RenderInto(context);
            if (result is not null)
            {
                context.Write(result);
            }

            return context.OutputText;
        }
        finally
        {
            RenderContext.Return(context);
        }
    }

    /// <summary>Runs the template in an existing render (includes); returns a value left by a top-level <c>ret</c>.</summary>
    internal object? RenderInto(RenderContext context)
    {
        context.Flow = FlowState.None;
        try
        {
            return context.Execute(_body);
        }
        finally
        {
            context.Flow = FlowState.None;
        }
    }

    private static object? NormalizeModel(object? model)
    {
        if (model is null)
        {
            return null;
        }

        var normalized = ObjectAccess.FromHost(model);
        if (normalized is not null && !ObjectAccess.IsObjectLike(normalized))
        {
            throw new ArgumentException(
                $"The model must be an object (a dictionary, a JSON object or YAML mapping), not `{model.GetType().Name}`.",
                nameof(model));
        }

        return normalized;
    }

    public override string ToString() => Name;
}
