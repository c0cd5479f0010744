using System.Text;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Builtins;

/// <summary><c>include</c> and <c>include_join</c>: render other templates obtained from the host's loader.</summary>
internal sealed class IncludeFunction : Callable
{
    public override int ParameterCount => 1;

    public override int RequiredParameterCount => 1;

    public override ParamsKind ParamsKind => ParamsKind.Direct;

    public override ParameterSpec GetParameter(int index) => index == 0 ? new("template_name", ParamKind.String) : new("value");

    public override object? Invoke(RenderContext context, Node? caller, ArgumentList arguments, BlockStatement? block)
    {
        var span = caller?.Span ?? context.CurrentSpan;
        if (arguments.Count == 0)
        {
            throw new TemplateRuntimeException(span, "Expecting at least the name of the template to include for the <include> function");
        }

        var name = context.ToText(arguments[0]);
        var template = Includes.Resolve(context, caller, name);
        return Includes.Render(context, caller, template, arguments.ToTemplateArray());
    }

    public override string ToString() => "<function>";
}

internal sealed class IncludeJoinFunction : Callable
{
    public override int ParameterCount => 4;

    public override int RequiredParameterCount => 2;

    public override ParamsKind ParamsKind => ParamsKind.Direct;

    public override ParameterSpec GetParameter(int index) => index switch
    {
        0 => new("template_names", ParamKind.List),
        1 => new("separator", ParamKind.String),
        2 => new("prefix", ParamKind.String),
        _ => new("suffix", ParamKind.String),
    };

    public override object? Invoke(RenderContext context, Node? caller, ArgumentList arguments, BlockStatement? block)
    {
        var span = caller?.Span ?? context.CurrentSpan;
        if (arguments.Count < 2)
        {
            throw new TemplateRuntimeException(span, "Expecting at least the separator and components to include for the <include_join> function.");
        }

        if (arguments[0] is not { } names || !ObjectAccess.IsList(names))
        {
            return string.Empty;
        }

        var all = arguments.ToTemplateArray();
        var templateNames = ObjectAccess.Enumerate(names).Select(name => context.ToText(name)).Where(name => !string.IsNullOrEmpty(name)).ToList();
        var separator = Component(context, caller, all, context.ToText(arguments[1]) ?? string.Empty);
        var start = Component(context, caller, all, arguments.Count > 2 ? context.ToText(arguments[2]) ?? string.Empty : string.Empty);
        var end = Component(context, caller, all, arguments.Count > 3 ? context.ToText(arguments[3]) ?? string.Empty : string.Empty);
        var builder = new StringBuilder(start);
        for (var i = 0; i < templateNames.Count; i++)
        {
            builder.Append(Includes.Render(context, caller, Includes.Resolve(context, caller, templateNames[i]), all));
            if (separator.Length > 0 && i < templateNames.Count - 1)
            {
                builder.Append(separator);
            }

            context.CheckSize(span, builder.Length);
        }

        return builder.Append(end).ToString();
    }

    private static string Component(RenderContext context, Node? caller, TemplateArray arguments, string component) =>
        component.StartsWith("tpl:", StringComparison.Ordinal)
            ? Includes.Render(context, caller, Includes.Resolve(context, caller, component[4..]), arguments)
            : component;

    public override string ToString() => "<function>";
}

internal static class Includes
{
    /// <summary>Finds, loads and parses (once per render) the template called <paramref name="name"/>.</summary>
    public static Template Resolve(RenderContext context, Node? caller, string? name)
    {
        var span = caller?.Span ?? context.CurrentSpan;
        if (string.IsNullOrEmpty(name))
        {
            throw new TemplateRuntimeException(span, "Include template name cannot be null or empty");
        }

        var loader = context.Settings.Loader
            ?? throw new TemplateRuntimeException(span, $"Unable to include <{name}>. No TemplateLoader registered in TemplateContext.TemplateLoader");
        string? path;
        try
        {
            path = loader.GetPath(name, context.TemplateName);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException)
        {
            throw new TemplateRuntimeException(span, $"Unexpected exception while getting the path for the include name `{name}`", ex);
        }

        if (path is null)
        {
            throw new TemplateRuntimeException(span, $"Include template path is null for `{name}");
        }

        if (context.Includes.TryGetValue(path, out var cached))
        {
            return cached;
        }

        string? text;
        try
        {
            text = loader.Load(path);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException)
        {
            throw new TemplateRuntimeException(span, $"Unexpected exception while creating template from path `{path}`", ex);
        }

        if (text is null)
        {
            throw new TemplateRuntimeException(span, $"The result of including `{path}` cannot be null");
        }

        context.CheckSize(span, text.Length);
        var template = Template.Parse(text, path, new TemplateParseOptions { MaxDepth = context.Settings.ParseDepthLimit });
        if (template.HasErrors)
        {
            throw new TemplateRuntimeException(span, $"Error while parsing template `{path}` Parser messages:\n {string.Join("\n", template.Messages)}");
        }

        context.Includes[path] = template;
        return template;
    }

    /// <summary>Renders an included template in the caller's globals with fresh locals (<c>$</c>, <c>$1</c>, named <c>$key</c>).</summary>
    public static string Render(RenderContext context, Node? caller, Template template, TemplateArray arguments)
    {
        context.EnterRecursive(caller);
        var previousIndent = context.CurrentIndent;
        var previousNewLine = context.PreviousTextWasNewLine;
        context.CurrentIndent = null;
        var named = new List<KeyValuePair<string, object?>>();
        if (caller is FunctionCallExpression call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument is NamedArgumentExpression { Value: not null } namedArgument)
                {
                    named.Add(new(namedArgument.Name.Name, context.Evaluate(namedArgument.Value)));
                }
            }
        }

        context.PushOutput();
        context.PushLocal();
        try
        {
            context.ForceLocal("$", arguments, readOnly: true);
            foreach (var (name, value) in named)
            {
                context.ForceLocal("$" + name, value, readOnly: false);
            }

            if (previousIndent is not null)
            {
                context.PreviousTextWasNewLine = false;
            }

            var result = template.RenderInto(context);
            if (result is not null && context.EnableOutput)
            {
                context.Write(result);
            }

            return context.OutputText;
        }
        finally
        {
            context.PopLocal();
            context.PopOutput();
            context.CurrentIndent = previousIndent;
            context.PreviousTextWasNewLine = previousNewLine;
            context.ExitRecursive();
        }
    }
}
