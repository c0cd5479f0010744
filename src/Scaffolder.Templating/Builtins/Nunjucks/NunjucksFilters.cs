using System.Text;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Runtime.JavaScript;

namespace Scaffolder.Templating.Builtins.Nunjucks;

/// <summary>
/// Nunjucks' standard filters that Backstage templates use, with Nunjucks' behaviour (JavaScript
/// conversions, its treatment of null/undefined/false as empty text in string filters).
/// </summary>
internal static partial class NunjucksFilters
{
    public static IReadOnlyDictionary<string, JsFunction> All { get; } = Create();

    /// <summary>
    /// The filters Nunjucks defines as macros, which therefore take keyword arguments
    /// (<c>sort(attribute='name')</c>): their parameter names, the filtered value first.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> NamedParameters { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["sort"] = ["value", "reverse", "case_sensitive", "attribute"],
        ["int"] = ["value", "default", "base"],
    };

    private static Dictionary<string, JsFunction> Create()
    {
        var filters = new Dictionary<string, JsFunction>(StringComparer.Ordinal);
        void Add(string name, Func<RenderContext, JsArguments, object?> body) =>
            filters[name] = new JsFunction(name, (context, _, args) => body(context, args));

        Add("abs", (_, a) => Math.Abs(JsValues.ToNumber(a[0])));
        Add("capitalize", (_, a) => Capitalize(Text(a[0], "capitalize")));
        Add("default", (_, a) => Default(a[0], a[1], a[2]));
        Add("d", (_, a) => Default(a[0], a[1], a[2]));
        Add("dump", (_, a) => JsJson.Stringify(a[0], JsJson.IndentFrom(a[1])));
        Add("first", (_, a) => Item(a[0], 0, fromEnd: false));
        Add("last", (_, a) => Item(a[0], 0, fromEnd: true));
        Add("float", (_, a) => JsValues.ParseFloat(a[0]) is var f && double.IsNaN(f) ? a[1] : f);
        Add("int", (_, a) => JsValues.ParseInt(a[0]) is var i && double.IsNaN(i) ? a[1] : i);
        Add("indent", (_, a) => Indent(a[0], a[1], a[2]));
        Add("join", (context, a) => Join(context, a[0], a[1], a[2]));
        Add("length", (_, a) => Length(a[0]));
        Add("list", (_, a) => List(a[0]));
        Add("lower", (_, a) => Text(a[0], "lower").ToLowerInvariant());
        Add("upper", (_, a) => Text(a[0], "upper").ToUpperInvariant());
        Add("replace", (context, a) => Replace(context, a[0], a[1], a[2], a[3]));
        Add("reverse", (_, a) => Reverse(a[0]));
        Add("round", (_, a) => Round(a[0], a[1], a[2]));
        Add("safe", (_, a) => JsValues.IsNullish(a[0]) ? string.Empty : JsValues.ToJsString(a[0]));
        Add("string", (_, a) => a[0] is null or JsNull
            ? throw new JsTypeError($"Cannot read properties of {JsValues.ToJsString(a[0])} (reading 'toString')")
            : JsValues.ToJsString(a[0]));
        Add("title", (_, a) => string.Join(' ', Text(a[0], "title").Split(' ').Select(Capitalize)));
        Add("trim", (_, a) => a[0] is string text ? text.Trim() : throw new JsTypeError("trim: expected a string"));
        Add("urlencode", (_, a) => UrlEncode(a[0]));
        Add("sort", (context, a) => Sort(context, a[0], a[1], a[2], a[3]));
        Add("truncate", (_, a) => Truncate(a[0], a[1], a[2], a[3]));
        AddMore(Add);
        return filters;
    }

    /// <summary>Nunjucks' <c>normalize(value, '')</c> for text filters: null, undefined and false read as "".</summary>
    private static string Text(object? value, string filter) => value switch
    {
        null or JsNull or false => string.Empty,
        string text => text,
        _ => throw new JsTypeError($"{filter}: expected a string, got {JsValues.TypeOf(value)}"),
    };

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();

    /// <summary><c>default(value, fallback, boolean)</c>: the fallback when undefined (or, with boolean, when falsy).</summary>
    private static object? Default(object? value, object? fallback, object? boolean) =>
        JsValues.IsTruthy(boolean) ? (JsValues.IsTruthy(value) ? value : fallback) : (value is null ? fallback : value);

    private static object? Item(object? value, int index, bool fromEnd)
    {
        if (value is string text)
        {
            return text.Length == 0 ? null : text[fromEnd ? text.Length - 1 : index].ToString();
        }

        if (JsValues.IsArray(value))
        {
            var count = ObjectAccess.ListCount(value!);
            return count == 0 ? null : ObjectAccess.ListItem(value!, fromEnd ? count - 1 : index);
        }

        if (value is null or JsNull)
        {
            throw new JsTypeError($"Cannot read properties of {JsValues.ToJsString(value)}");
        }

        return null;
    }

    private static string Indent(object? value, object? widthValue, object? indentFirst)
    {
        var text = value switch
        {
            null or JsNull or false => string.Empty,
            string s => s,
            _ => throw new JsTypeError("str.split is not a function"),
        };
        if (text.Length == 0)
        {
            return text;
        }

        var width = JsValues.IsTruthy(widthValue) ? (int)Math.Clamp(JsValues.ToNumber(widthValue), 0, 1000) : 4;
        var pad = new string(' ', width);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0 || JsValues.IsTruthy(indentFirst))
            {
                lines[i] = pad + lines[i];
            }
        }

        return string.Join('\n', lines);
    }

    private static string Join(RenderContext context, object? value, object? separator, object? attribute)
    {
        if (!JsValues.IsArray(value))
        {
            throw new JsTypeError("join: expected an array");
        }

        var glue = JsValues.IsTruthy(separator) ? JsValues.ToJsString(separator) : string.Empty;
        object items = value!;
        if (JsValues.IsTruthy(attribute))
        {
            var name = JsValues.ToJsString(attribute);
            items = ObjectAccess.Enumerate(value!)
                .Select(item => item is not null && ObjectAccess.TryGetMember(item, name, out var member) ? member : null)
                .ToList();
        }

        return JsIntrinsics.Join(context, items, glue);
    }

    /// <summary>Number of characters, items or keys; 0 for null, undefined and false.</summary>
    private static object? Length(object? value) => value switch
    {
        null or JsNull or false => 0d,
        string text => (double)text.Length,
        _ when JsValues.IsArray(value) => (double)ObjectAccess.ListCount(value),
        _ when JsValues.IsObject(value) => (double)ObjectAccess.GetMemberCount(value),
        _ => null,
    };

    private static object List(object? value)
    {
        if (value is string text)
        {
            return text.Select(c => (object?)c.ToString()).ToList();
        }

        if (JsValues.IsArray(value))
        {
            return value!;
        }

        if (value is not null && ObjectAccess.TryEnumerateMembers(value, out var members))
        {
            return members.Select(member => (object?)new Dictionary<string, object?> { ["key"] = member.Key, ["value"] = member.Value }).ToList();
        }

        throw new JsTypeError("list filter: type not iterable");
    }

    /// <summary>Nunjucks' <c>replace</c>: every occurrence (or the first <c>count</c>); non-text input comes back unchanged.</summary>
    private static object? Replace(RenderContext context, object? value, object? oldValue, object? newValue, object? countValue)
    {
        string old;
        if (JsValues.IsNumber(oldValue))
        {
            old = JsValues.ToJsString(oldValue);
        }
        else if (oldValue is string oldText)
        {
            old = oldText;
        }
        else
        {
            return value;
        }

        if (JsValues.IsNumber(value))
        {
            value = JsValues.ToJsString(value);
        }

        if (value is not string text)
        {
            return value;
        }

        var replacement = JsValues.ToJsString(newValue);
        var maxCount = countValue is null ? -1 : JsValues.ToNumber(countValue);
        if (old.Length == 0)
        {
            var spread = new StringBuilder(replacement);
            foreach (var c in text)
            {
                spread.Append(c).Append(replacement);
                context.CheckSize(spread.Length);
            }

            return spread.ToString();
        }

        var next = text.IndexOf(old, StringComparison.Ordinal);
        if (maxCount == 0 || next < 0)
        {
            return text;
        }

        var builder = new StringBuilder();
        var position = 0;
        var count = 0;
        while (next >= 0 && (maxCount < 0 || count < maxCount))
        {
            builder.Append(text, position, next - position).Append(replacement);
            context.CheckSize(builder.Length);
            position = next + old.Length;
            count++;
            next = text.IndexOf(old, position, StringComparison.Ordinal);
        }

        builder.Append(text, position, text.Length - position);
        context.CheckSize(builder.Length);
        return builder.ToString();
    }

    private static object? Reverse(object? value)
    {
        if (value is string text)
        {
            var chars = text.ToCharArray();
            Array.Reverse(chars);
            return new string(chars);
        }

        if (JsValues.IsArray(value))
        {
            var items = ObjectAccess.Enumerate(value!).ToList();
            items.Reverse();
            return items;
        }

        // Nunjucks copies anything else as an array-like: no length, no items.
        return new List<object?>();
    }

    private static double Round(object? value, object? precisionValue, object? methodValue)
    {
        var number = JsValues.ToNumber(value);
        var precision = precisionValue is null ? 0 : (int)Math.Clamp(JsValues.ToNumber(precisionValue), 0, 15);
        var factor = Math.Pow(10, precision);
        var scaled = number * factor;
        var rounded = JsValues.ToJsString(methodValue) switch
        {
            "ceil" => Math.Ceiling(scaled),
            "floor" => Math.Floor(scaled),
            _ => Math.Round(scaled, MidpointRounding.AwayFromZero),
        };
        return rounded / factor;
    }

    /// <summary>
    /// <c>encodeURIComponent</c> of a string; otherwise <c>k=v</c> pairs joined by <c>&amp;</c>, taken from an
    /// array's items (<c>item[0]</c>, <c>item[1]</c>) or an object's entries.
    /// </summary>
    private static string UrlEncode(object? value)
    {
        if (value is string text)
        {
            return JsUri.EncodeComponent(text);
        }

        IEnumerable<(object? Key, object? Value)> pairs = JsValues.IsArray(value)
            ? ObjectAccess.Enumerate(value!).Select(item => (JsValues.ItemAt(item, 0), JsValues.ItemAt(item, 1)))
            : JsValues.IsObject(value) && ObjectAccess.TryEnumerateMembers(value!, out var members)
                ? members.Select(member => ((object?)member.Key, member.Value))
                : [];
        return string.Join('&', pairs.Select(pair =>
            JsUri.EncodeComponent(JsValues.ToJsString(pair.Key)) + "=" + JsUri.EncodeComponent(JsValues.ToJsString(pair.Value))));
    }
}
