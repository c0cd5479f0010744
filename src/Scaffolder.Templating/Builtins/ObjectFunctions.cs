using System.Collections;
using System.Text;
using System.Text.Json;
using Scaffolder.Templating.Parsing;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Builtins;

/// <summary>The <c>object</c> builtin object.</summary>
internal static class ObjectFunctions
{
    public static BuiltinObject Create() => new BuiltinObject("object")
        .Function("default", (c, s, a) => a[0] is null or "" ? a[1] : a[0], P.Any("value"), P.Any("default"))
        .Function("eval", Eval, P.Any("value"))
        .Function("eval_template", EvalTemplate, P.Any("value"))
        .Function("format", Format, P.Any("value"), P.Text("format"), P.Text("culture", null))
        .Function("from_json", FromJson, P.Text("json"))
        .Function("has_key", (c, s, a) => Box.Bool(a[0] is { } value && Args.Text(a, 1) is { } key && ObjectAccess.IsObjectLike(value) && ObjectAccess.HasMember(value, key)), P.Any("value"), P.Text("key"))
        .Function("has_value", (c, s, a) => Box.Bool(a[0] is { } value && Args.Text(a, 1) is { } key && ObjectAccess.IsObjectLike(value) && ObjectAccess.TryGetHostMember(value, key, out var member) && member is not null), P.Any("value"), P.Text("key"))
        .Function("keys", Keys, P.Any("value"))
        .Function("kind", (c, s, a) => a[0] is null ? null : RenderContext.TypeName(a[0]), P.Any("value"))
        .Function("size", Size, P.Any("value"))
        .Function("to_json", ToJson, P.Any("value"))
        .Function("typeof", (c, s, a) => TypeOf(a[0]), P.Any("value"))
        .Function("values", Values, P.Any("value"));

    public static string? TypeOf(object? value) => value switch
    {
        null => null,
        string => "string",
        bool => "boolean",
        _ when MathFunctions.IsNumber(value) || value is char => "number",
        TemplateRange => "iterator",
        _ when ObjectAccess.IsList(value) => "array",
        _ when ObjectAccess.IsObjectLike(value) => "object",
        IEnumerable => "iterator",
        _ => "object",
    };

    private static object? Eval(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        switch (a[0])
        {
            case null:
                return null;
            case string text:
            {
                var parser = new ScribanParser(text, "text", context.Settings.ParseDepthLimit, scriptOnly: true);
                var body = parser.Parse();
                if (parser.HasErrors)
                {
                    throw new TemplateArgumentException(0, string.Join("\n", parser.Messages));
                }

                return body.Statements.Count == 1 ? context.Execute(body.Statements[0]) : context.Execute(body);
            }

            case ICallable function:
                return context.Call(context.CurrentNode, function, false, null);
            default:
                return a[0];
        }
    }

    private static object? EvalTemplate(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        switch (a[0])
        {
            case null:
                return null;
            case string text:
            {
                var parser = new ScribanParser(text, "text", context.Settings.ParseDepthLimit);
                var body = parser.Parse();
                if (parser.HasErrors)
                {
                    throw new TemplateArgumentException(0, string.Join("\n", parser.Messages));
                }

                context.PushOutput();
                try
                {
                    context.Execute(body);
                }
                finally
                {
                    text = context.PopOutput();
                }

                context.Flow = FlowState.None;
                return text;
            }

            case ICallable function:
                return context.Call(context.CurrentNode, function, false, null);
            default:
                return a[0];
        }
    }

    private static object? Format(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } value)
        {
            return string.Empty;
        }

        if (value is not IFormattable formattable)
        {
            throw new TemplateRuntimeException(span, $"Unexpected `{context.ToText(value)}`. Must be a formattable object");
        }

        return formattable.ToString(Args.Text(a, 1) ?? string.Empty, Cultures.Resolve(Args.Text(a, 2), context));
    }

    private static object? Keys(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        var keys = new TemplateArray();
        if (a[0] is { } value && value is not ICallable && ObjectAccess.TryGetKeys(value, out var names))
        {
            using var scope = context.EnterInternalLoop();
            foreach (var name in names)
            {
                context.StepInternal(span);
                keys.Add(name);
            }
        }

        return keys;
    }

    private static object? Values(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        var values = new TemplateArray();
        if (a[0] is { } value && value is not ICallable && ObjectAccess.TryEnumerateMembers(value, out var members))
        {
            using var scope = context.EnterInternalLoop();
            foreach (var member in members)
            {
                context.StepInternal(span);
                values.Add(member.Value);
            }
        }

        return values;
    }

    private static object? Size(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a) => a[0] switch
    {
        null => Box.Int(0),
        string text => Box.Int(text.Length),
        var value when ObjectAccess.IsList(value) => Box.Int(ObjectAccess.ListCount(value)),
        var value when ObjectAccess.IsObjectLike(value) => Box.Int(ObjectAccess.GetMemberCount(value)),
        IEnumerable enumerable => Box.Int(enumerable.Cast<object?>().Count()),
        _ => Box.Int(0),
    };

    private static object? FromJson(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        var json = Args.Text(a, 0) ?? throw new TemplateArgumentException(0, "Value cannot be null. (Parameter 'json')");
        context.CheckSize(span, json.Length);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        return FromJsonElement(document.RootElement);
    }

    private static object? FromJsonElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
            {
                var array = new TemplateArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(FromJsonElement(item));
                }

                return array;
            }

            case JsonValueKind.Object:
            {
                var obj = new TemplateObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj.SetValue(property.Name, FromJsonElement(property.Value));
                }

                return obj;
            }

            case JsonValueKind.True:
                return Box.True;
            case JsonValueKind.False:
                return Box.False;
            case JsonValueKind.Number:
                return element.GetDecimal();
            case JsonValueKind.String:
                return element.GetString();
            default:
                return null;
        }
    }

    private static object? ToJson(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is ICallable and not IScriptObject)
        {
            throw new TemplateArgumentException(0, "Can not serialize functions to JSON. (Parameter 'value')");
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            using var scope = context.EnterInternalLoop();
            WriteJson(context, span, writer, a[0], 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }

        context.CheckSize(span, stream.Length);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static void WriteJson(RenderContext context, SourceSpan span, Utf8JsonWriter writer, object? value, int depth, HashSet<object> path)
    {
        depth++;
        var limit = context.Settings.ObjectNestingLimit;
        if ((limit != 0 && depth > limit) || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InvalidOperationException("Structure is too deeply nested or contains reference loops.");
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string text:
                writer.WriteStringValue(text);
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case double d:
                writer.WriteNumberValue(d);
                return;
            case float f:
                writer.WriteNumberValue(f);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case System.Numerics.BigInteger big:
                writer.WriteRawValue(big.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            case DateTime date:
                writer.WriteStringValue(date);
                return;
            case TimeSpan time:
                writer.WriteStringValue(time.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
                return;
            case EmptyObject:
                writer.WriteStartObject();
                writer.WriteEndObject();
                return;
        }

        if (!path.Add(value))
        {
            throw new InvalidOperationException("Structure is too deeply nested or contains reference loops.");
        }

        try
        {
            if (ObjectAccess.IsList(value) || value is TemplateRange)
            {
                writer.WriteStartArray();
                foreach (var item in ObjectAccess.Enumerate(value))
                {
                    context.StepInternal(span);
                    WriteJson(context, span, writer, item, depth, path);
                }

                writer.WriteEndArray();
            }
            else if (ObjectAccess.TryEnumerateMembers(value, out var members))
            {
                writer.WriteStartObject();
                foreach (var (name, member) in members)
                {
                    context.StepInternal(span);
                    writer.WritePropertyName(name);
                    WriteJson(context, span, writer, member, depth, path);
                }

                writer.WriteEndObject();
            }
            else if (value is IFormattable formattable)
            {
                writer.WriteStringValue(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
        }
        finally
        {
            path.Remove(value);
        }
    }
}
