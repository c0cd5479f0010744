using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime;

/// <summary>A function defined by the template (<c>func</c>, inline <c>f(x) = ...</c>, <c>do ... end</c>).</summary>
internal sealed class ScriptFunction : Callable
{
    private readonly int _required;
    private readonly ParamsKind _kind;

    public ScriptFunction(FunctionStatement statement)
    {
        Statement = statement;
        var parameters = statement.Parameters;
        if (parameters is null)
        {
            _kind = ParamsKind.Direct;
            return;
        }

        _kind = ParamsKind.None;
        _required = parameters.Count;
        foreach (var parameter in parameters)
        {
            if (parameter.IsVariadic)
            {
                _required--;
                _kind = ParamsKind.LastParameter;
            }
            else if (parameter.HasDefault)
            {
                _required--;
            }
        }
    }

    public FunctionStatement Statement { get; }

    public override int ParameterCount => Statement.Parameters?.Count ?? 0;

    public override int RequiredParameterCount => _required;

    public override ParamsKind ParamsKind => _kind;

    public override ParameterSpec GetParameter(int index)
    {
        var parameters = Statement.Parameters;
        if (parameters is null || parameters.Count == 0)
        {
            return new ParameterSpec(string.Empty);
        }

        var parameter = parameters[Math.Min(index, parameters.Count - 1)];
        var defaultValue = parameter.DefaultValue?.Value;
        return new ParameterSpec(parameter.Name.Name, ParamKind.Any, defaultValue is not null, defaultValue);
    }

    public override object? Invoke(RenderContext context, Node? caller, ArgumentList arguments, BlockStatement? block)
    {
        var parameters = Statement.Parameters;
        var variables = parameters is null ? null : new TemplateObject(parameters.Count);
        context.PushFunction(variables, hidesParents: !Statement.IsAnonymous);
        try
        {
            if (Statement.Name is { IsLocal: true } localName)
            {
                context.ForceLocal(localName.FullName, this, readOnly: false);
            }

            var values = arguments.ToTemplateArray();
            context.ForceLocal("$", values, readOnly: true);
            if (parameters is not null)
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    variables!.SetValue(parameters[i].Name.Name, values[i]);
                }
            }

            if (block is not null)
            {
                context.ForceLocal("$$", block, readOnly: true);
            }

            return Statement.Body is null ? null : context.Execute(Statement.Body);
        }
        finally
        {
            context.PopFunction();
        }
    }
}
