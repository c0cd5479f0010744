using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Scaffolder.Templating.Builtins;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime;

/// <summary>Conversions between values: truthiness, integers, text, argument types.</summary>
internal sealed partial class RenderContext
{
    private int _toTextLevel;

    public bool ToBool(object? value)
    {
        if (value is bool flag)
        {
            return flag;
        }

        if (value is null || value == EmptyObject.Instance)
        {
            return false;
        }

        if (Settings.Semantics.FalsyEmptyValues)
        {
            return value switch
            {
                string text => text.Length > 0,
                int i => i != 0,
                long l => l != 0,
                double d => d != 0 && !double.IsNaN(d),
                float f => f != 0 && !float.IsNaN(f),
                decimal m => m != 0,
                BigInteger big => !big.IsZero,
                _ when ObjectAccess.IsList(value) => ObjectAccess.ListCount(value) > 0,
                _ => true,
            };
        }

        return true;
    }

    public int ToInt(SourceSpan span, object? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case int i:
                return i;
        }

        try
        {
            return value switch
            {
                BigInteger big => (int)big,
                uint ui => checked((int)ui),
                ulong ul => checked((int)ul),
                long l => checked((int)l),
                _ => Convert.ToInt32(value, Culture),
            };
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            throw new TemplateRuntimeException(span, $"Unable to convert type `{TypeName(value)}` to int", ex);
        }
    }

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        bool => "bool",
        int => "int",
        long => "long",
        string => "string",
        double => "double",
        float => "float",
        decimal => "decimal",
        BigInteger => "bigint",
        byte => "byte",
        sbyte => "sbyte",
        short => "short",
        ushort => "ushort",
        uint => "uint",
        ulong => "ulong",
        TemplateRange => "range",
        ICallable and not IScriptObject => "function",
        _ when ObjectAccess.IsList(value) => "array",
        _ when ObjectAccess.IsObjectLike(value) => "object",
        _ => value.GetType().Name,
    };

    /// <summary>Emptiness for <c>empty</c> comparisons; null for null.</summary>
    public object? IsEmpty(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text.Length == 0;
            case EmptyObject:
                return true;
        }

        if (ObjectAccess.IsList(value))
        {
            return ObjectAccess.ListCount(value) == 0;
        }

        if (ObjectAccess.IsObjectLike(value))
        {
            return ObjectAccess.GetMemberCount(value) == 0;
        }

        if (value is IEnumerable enumerable)
        {
            return !enumerable.GetEnumerator().MoveNext();
        }

        return false;
    }

    /// <summary>The text a value prints as (Scriban's rules); null prints nothing.</summary>
    public string? ToText(object? value, bool nested = false)
    {
        switch (value)
        {
            case string text:
                return nested ? Quote(text) : text;
            case null:
                return nested ? "null" : null;
            case bool flag:
                return flag ? "true" : "false";
            case int i:
                return i.ToString(Culture);
        }

        _toTextLevel++;
        try
        {
            var limit = Settings.ObjectNestingLimit;
            if (limit != 0 && _toTextLevel > limit)
            {
                throw new InvalidOperationException("Structure is too deeply nested or contains reference loops.");
            }

            return ToTextSlow(value, nested);
        }
        finally
        {
            _toTextLevel--;
        }
    }

    public static string Quote(string text) => "\"" + TextEscaping.Escape(text) + "\"";

    private string? ToTextSlow(object value, bool nested)
    {
        switch (value)
        {
            case EmptyObject:
                return nested ? "null" : null;
            case DateTime date:
                return FormatDate(date);
            case ScriptFunction function:
                return function.Statement.ToString();
            case ICallable and not IScriptObject:
                return "<function>";
            case double d:
                return d.ToString(Culture);
            case long l:
                return l.ToString(Culture);
        }

        if (ObjectAccess.IsList(value) || value is TemplateRange)
        {
            return ListToText(ObjectAccess.Enumerate(value));
        }

        if (ObjectAccess.IsObjectLike(value) && ObjectAccess.TryEnumerateMembers(value, out var members))
        {
            return ObjectToText(members);
        }

        if (value is IFormattable formattable)
        {
            return formattable.ToString(null, Culture);
        }

        if (value is IConvertible convertible)
        {
            return convertible.ToString(Culture);
        }

        if (value is IEnumerable enumerable)
        {
            return ListToText(ObjectAccess.Enumerate(enumerable));
        }

        return value.ToString();
    }

    private string ListToText(IEnumerable<object?> items)
    {
        var builder = new StringBuilder();
        builder.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            builder.Append(ToText(item, nested: true));
            CheckSize(CurrentSpan, builder.Length);
            first = false;
        }

        builder.Append(']');
        return builder.ToString();
    }

    private string ObjectToText(IEnumerable<KeyValuePair<string, object?>> members)
    {
        var builder = new StringBuilder();
        builder.Append('{');
        var first = true;
        foreach (var (key, member) in members)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            builder.Append(IsSimpleKey(key) ? key : Quote(key));
            builder.Append(": ");
            builder.Append(ToText(member, nested: true));
            CheckSize(CurrentSpan, builder.Length);
            first = false;
        }

        builder.Append('}');
        return builder.ToString();
    }

    private static bool IsSimpleKey(string key)
    {
        if (key.Length == 0 || !(char.IsLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < key.Length; i++)
        {
            if (!(char.IsLetterOrDigit(key[i]) || key[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private string FormatDate(DateTime date)
    {
        var dateObject = GetGlobal("date");
        string? format = null;
        if (dateObject is DateBuiltinObject)
        {
            format = DateFunctions.DefaultFormat;
        }
        else if (_builtinScope.IsCopyOf(dateObject, "date") && ((TemplateObject)dateObject!).TryGetValue("format", out var custom))
        {
            format = ToText(custom) ?? DateFunctions.DefaultFormat;
        }

        return format is null ? date.ToString(Culture) : DateFunctions.Format(this, date, format);
    }

    /// <summary>Converts an argument to the type a builtin parameter expects.</summary>
    public object? ConvertArgument(SourceSpan span, object? value, ParamKind kind)
    {
        switch (kind)
        {
            case ParamKind.Any:
                return value;
            case ParamKind.String:
                return ToText(value);
            case ParamKind.Int:
                return Box.Int(ToInt(span, value));
            case ParamKind.NullableInt:
                return value is null ? null : Box.Int(ToInt(span, value));
            case ParamKind.Bool:
                return ToBool(value);
            case ParamKind.Long:
                return value is null ? 0L : ToNumber<long>(span, value, "long");
            case ParamKind.Double:
                return value is null ? 0.0 : ToNumber<double>(span, value, "double");
            case ParamKind.Enumerable:
                if (value is null || ObjectAccess.IsIterable(value))
                {
                    return value;
                }

                throw new TemplateRuntimeException(span, $"Unable to convert type `{TypeName(value)}` to `IEnumerable`");
            case ParamKind.List:
                return ToList(span, value);
            case ParamKind.Function:
                return value;
            case ParamKind.DateTime:
            case ParamKind.NullableDateTime:
                if (value is null)
                {
                    return kind == ParamKind.NullableDateTime ? null : default(DateTime);
                }

                return value is DateTime
                    ? value
                    : throw new TemplateRuntimeException(span, $"Unable to convert type `{TypeName(value)}` to `DateTime`");
            case ParamKind.TimeSpan:
                return value switch
                {
                    null => TimeSpan.Zero,
                    TimeSpan => value,
                    _ => throw new TemplateRuntimeException(span, $"Unable to convert type `{TypeName(value)}` to `TimeSpan`"),
                };
            default:
                return value;
        }
    }

    private T ToNumber<T>(SourceSpan span, object value, string typeName)
        where T : struct
    {
        try
        {
            return value switch
            {
                T same => same,
                BigInteger big when typeof(T) == typeof(double) => (T)(object)(double)big,
                BigInteger big when typeof(T) == typeof(long) => (T)(object)(long)big,
                bool or char or sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal
                    => (T)Convert.ChangeType(value, typeof(T), Culture),
                _ => throw new InvalidCastException(),
            };
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            throw new TemplateRuntimeException(span, $"Unable to convert type `{TypeName(value)}` to `{typeName}`", ex);
        }
    }

    /// <summary>A list view of a value for list-taking builtins; null stays null.</summary>
    public IList? ToList(SourceSpan span, object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case TemplateArray array:
                return array;
            case TemplateRange range:
                return range.Items;
            case IList list:
                return list;
        }

        if (ObjectAccess.IsIterable(value))
        {
            return new TemplateArray(ObjectAccess.Enumerate(value));
        }

        throw new TemplateRuntimeException(span, "Unexpected list value. Expecting an array, list or iterator. Unable to convert to a list.");
    }
}

/// <summary>Shared boxes for small integers and booleans, so hot paths do not allocate.</summary>
internal static class Box
{
    private const int Min = -128;
    private const int Max = 1024;
    private static readonly object[] Integers = CreateIntegers();

    public static readonly object True = true;
    public static readonly object False = false;

    public static object Int(int value) => value is >= Min and <= Max ? Integers[value - Min] : value;

    public static object Bool(bool value) => value ? True : False;

    private static object[] CreateIntegers()
    {
        var boxes = new object[Max - Min + 1];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i + Min;
        }

        return boxes;
    }
}

internal static class TextEscaping
{
    /// <summary>Escapes a string the way <c>string.escape</c> does.</summary>
    public static string Escape(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 32 || c == '"' || c == '\\')
            {
                builder ??= new StringBuilder(text.Length + 10).Append(text, 0, i);
                builder.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\a' => "\\a",
                    '\b' => "\\b",
                    '\t' => "\\t",
                    '\r' => "\\r",
                    '\v' => "\\v",
                    '\f' => "\\f",
                    '\n' => "\\n",
                    _ => $"\\x{(int)c:x2}",
                });
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }
}
