using System.Globalization;
using System.Text;

namespace Scaffolder.Templating.Runtime.JavaScript;

/// <summary>
/// The members strings, arrays and numbers have in JavaScript that Backstage templates call
/// (<c>values.name.split('/')[1]</c>, <c>x.trim().length</c>, <c>list.join(', ')</c>). Methods are
/// returned bound to their target.
/// </summary>
internal static class JsIntrinsics
{
    public static bool TryGetMember(object target, string name, out object? value)
    {
        value = target switch
        {
            string text => StringMember(text, name),
            _ when JsValues.IsArray(target) => ArrayMember(target, name),
            _ when JsValues.IsNumber(target) => NumberMember(JsValues.ToNumber(target), name),
            _ => null,
        };
        return value is not null;
    }

    private static object? StringMember(string text, string name) => name switch
    {
        "length" => (double)text.Length,
        "trim" => Method(name, (_, _) => TrimJs(text, start: true, end: true)),
        "trimStart" or "trimLeft" => Method(name, (_, _) => TrimJs(text, start: true, end: false)),
        "trimEnd" or "trimRight" => Method(name, (_, _) => TrimJs(text, start: false, end: true)),
        "toLowerCase" or "toLocaleLowerCase" => Method(name, (_, _) => text.ToLowerInvariant()),
        "toUpperCase" or "toLocaleUpperCase" => Method(name, (_, _) => text.ToUpperInvariant()),
        "toString" or "valueOf" => Method(name, (_, _) => text),
        "split" => Method(name, (_, args) => Split(text, args[0], args[1])),
        "replace" => Method(name, (context, args) => Replace(context, text, args[0], args[1], all: false)),
        "replaceAll" => Method(name, (context, args) => Replace(context, text, args[0], args[1], all: true)),
        "startsWith" => Method(name, (_, args) =>
            Box.Bool(text.AsSpan(Position(args[1], 0, text.Length)).StartsWith(JsValues.ToJsString(args[0]), StringComparison.Ordinal))),
        "endsWith" => Method(name, (_, args) =>
            Box.Bool(text.AsSpan(0, Position(args[1], text.Length, text.Length)).EndsWith(JsValues.ToJsString(args[0]), StringComparison.Ordinal))),
        "includes" => Method(name, (_, args) =>
            Box.Bool(text.IndexOf(JsValues.ToJsString(args[0]), Position(args[1], 0, text.Length), StringComparison.Ordinal) >= 0)),
        "indexOf" => Method(name, (_, args) =>
            (double)text.IndexOf(JsValues.ToJsString(args[0]), Position(args[1], 0, text.Length), StringComparison.Ordinal)),
        "lastIndexOf" => Method(name, (_, args) => (double)text.LastIndexOf(JsValues.ToJsString(args[0]), StringComparison.Ordinal)),
        "slice" => Method(name, (_, args) => Slice(text.Length, args[0], args[1]) is var (start, end) ? text[start..end] : string.Empty),
        "substring" => Method(name, (_, args) => Substring(text, args[0], args[1])),
        "charAt" => Method(name, (_, args) => Position(args[0], 0, int.MaxValue) is var i && i < text.Length ? text[i].ToString() : string.Empty),
        "at" => Method(name, (_, args) => At(text.Length, args[0]) is var i && i >= 0 ? text[i].ToString() : null),
        "concat" => Method(name, (context, args) => Concat(context, text, args)),
        "padStart" => Method(name, (context, args) => Pad(context, text, args[0], args[1], start: true)),
        "padEnd" => Method(name, (context, args) => Pad(context, text, args[0], args[1], start: false)),
        "repeat" => Method(name, (context, args) => Repeat(context, text, args[0])),
        _ => null,
    };

    private static object? ArrayMember(object array, string name) => name switch
    {
        "length" => (double)ObjectAccess.ListCount(array),
        "join" => Method(name, (context, args) => Join(context, array, args[0])),
        "toString" => Method(name, (context, _) => Join(context, array, null)),
        "includes" => Method(name, (_, args) => Box.Bool(IndexOf(array, args[0], args[1]) >= 0)),
        "indexOf" => Method(name, (_, args) => (double)IndexOf(array, args[0], args[1])),
        "slice" => Method(name, (_, args) =>
        {
            var items = ObjectAccess.Enumerate(array).ToList();
            return Slice(items.Count, args[0], args[1]) is var (start, end) ? items[start..end] : new List<object?>();
        }),
        "concat" => Method(name, (context, args) =>
        {
            var items = ObjectAccess.Enumerate(array).ToList();
            for (var i = 0; i < args.Count; i++)
            {
                if (JsValues.IsArray(args[i]))
                {
                    items.AddRange(ObjectAccess.Enumerate(args[i]!));
                }
                else
                {
                    items.Add(args[i]);
                }

                context.CheckSize(items.Count);
            }

            return items;
        }),
        "at" => Method(name, (_, args) => At(ObjectAccess.ListCount(array), args[0]) is var i && i >= 0 ? ObjectAccess.ListItem(array, i) : null),
        _ => null,
    };

    private static object? NumberMember(double number, string name) => name switch
    {
        "toString" or "valueOf" => Method(name, (_, _) => JsValues.NumberToString(number)),
        "toFixed" => Method(name, (_, args) =>
        {
            var digits = Position(args[0], 0, 100);
            return double.IsFinite(number) && Math.Abs(number) < 1e21
                ? number.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                : JsValues.NumberToString(number);
        }),
        _ => null,
    };

    private static JsFunction Method(string name, Func<RenderContext, JsArguments, object?> body) =>
        new(name, (context, _, args) => body(context, args));

    /// <summary>JavaScript's whitespace: Unicode spaces, line terminators and the BOM.</summary>
    private static string TrimJs(string text, bool start, bool end)
    {
        var first = 0;
        var last = text.Length - 1;
        while (start && first <= last && IsJsSpace(text[first]))
        {
            first++;
        }

        while (end && last >= first && IsJsSpace(text[last]))
        {
            last--;
        }

        return text[first..(last + 1)];
    }

    private static bool IsJsSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    /// <summary>ToIntegerOrInfinity clamped to [0, max]; undefined takes <paramref name="fallback"/>.</summary>
    private static int Position(object? value, int fallback, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        var number = JsValues.ToNumber(value);
        if (double.IsNaN(number))
        {
            return 0;
        }

        return (int)Math.Clamp(Math.Truncate(number), 0, max);
    }

    /// <summary>A relative index as <c>slice</c> reads it: negative counts from the end.</summary>
    private static int Relative(object? value, int length, int fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        var number = JsValues.ToNumber(value);
        if (double.IsNaN(number))
        {
            return 0;
        }

        number = Math.Truncate(number);
        return (int)(number < 0 ? Math.Max(length + number, 0) : Math.Min(number, length));
    }

    private static (int Start, int End)? Slice(int length, object? start, object? end)
    {
        var from = Relative(start, length, 0);
        var to = Relative(end, length, length);
        return from < to ? (from, to) : null;
    }

    private static int At(int length, object? index)
    {
        var number = JsValues.ToNumber(index);
        var i = double.IsNaN(number) ? 0 : (long)Math.Truncate(number);
        if (i < 0)
        {
            i += length;
        }

        return i >= 0 && i < length ? (int)i : -1;
    }

    private static string Substring(string text, object? start, object? end)
    {
        var from = Position(start, 0, text.Length);
        var to = Position(end, text.Length, text.Length);
        return from <= to ? text[from..to] : text[to..from];
    }

    private static List<object?> Split(string text, object? separator, object? limit)
    {
        var max = limit is null ? int.MaxValue : (int)Math.Min(uint.MaxValue, Math.Max(0, JsValues.ToNumber(limit) is var n && double.IsNaN(n) ? 0 : n));
        var result = new List<object?>();
        if (max == 0)
        {
            return result;
        }

        if (separator is null)
        {
            result.Add(text);
            return result;
        }

        var pattern = JsValues.ToJsString(separator);
        if (pattern.Length == 0)
        {
            foreach (var c in text)
            {
                if (result.Count >= max)
                {
                    break;
                }

                result.Add(c.ToString());
            }

            return result;
        }

        var position = 0;
        while (result.Count < max)
        {
            var next = text.IndexOf(pattern, position, StringComparison.Ordinal);
            if (next < 0)
            {
                result.Add(text[position..]);
                break;
            }

            result.Add(text[position..next]);
            position = next + pattern.Length;
        }

        return result;
    }

    /// <summary><c>String.prototype.replace</c>/<c>replaceAll</c> with a string pattern, including <c>$&amp;</c>-style substitutions.</summary>
    private static string Replace(RenderContext context, string text, object? patternValue, object? replacementValue, bool all)
    {
        if (JsValues.IsFunction(replacementValue))
        {
            throw new JsTypeError("Replacement functions are not supported");
        }

        var pattern = JsValues.ToJsString(patternValue);
        var replacement = JsValues.ToJsString(replacementValue);
        var builder = new StringBuilder();
        var position = 0;
        var searchFrom = 0;
        while (searchFrom <= text.Length)
        {
            var index = text.IndexOf(pattern, searchFrom, StringComparison.Ordinal);
            if (index < 0)
            {
                break;
            }

            builder.Append(text, position, index - position);
            AppendSubstitution(builder, replacement, text, index, pattern.Length);
            context.CheckSize(builder.Length);
            position = index + pattern.Length;
            searchFrom = pattern.Length == 0 ? position + 1 : position;
            if (!all)
            {
                break;
            }
        }

        if (position == 0 && builder.Length == 0 && searchFrom == 0)
        {
            return text;
        }

        builder.Append(text, position, text.Length - position);
        context.CheckSize(builder.Length);
        return builder.ToString();
    }

    private static void AppendSubstitution(StringBuilder builder, string replacement, string text, int index, int length)
    {
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c != '$' || i + 1 >= replacement.Length)
            {
                builder.Append(c);
                continue;
            }

            switch (replacement[i + 1])
            {
                case '$':
                    builder.Append('$');
                    i++;
                    break;
                case '&':
                    builder.Append(text, index, length);
                    i++;
                    break;
                case '`':
                    builder.Append(text, 0, index);
                    i++;
                    break;
                case '\'':
                    builder.Append(text, index + length, text.Length - index - length);
                    i++;
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    private static string Concat(RenderContext context, string text, JsArguments args)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < args.Count; i++)
        {
            builder.Append(JsValues.ToJsString(args[i]));
            context.CheckSize(builder.Length);
        }

        return builder.ToString();
    }

    private static string Pad(RenderContext context, string text, object? lengthValue, object? fillValue, bool start)
    {
        var length = JsValues.ToNumber(lengthValue);
        var fill = fillValue is null ? " " : JsValues.ToJsString(fillValue);
        if (double.IsNaN(length) || length <= text.Length || fill.Length == 0)
        {
            return text;
        }

        context.CheckSize((long)length);
        var padding = new StringBuilder();
        while (padding.Length < (int)length - text.Length)
        {
            padding.Append(fill);
        }

        padding.Length = (int)length - text.Length;
        return start ? padding + text : text + padding;
    }

    private static string Repeat(RenderContext context, string text, object? countValue)
    {
        var count = JsValues.ToNumber(countValue);
        if (double.IsNaN(count))
        {
            count = 0;
        }

        if (count < 0 || double.IsInfinity(count))
        {
            throw new JsTypeError($"Invalid count value: {JsValues.NumberToString(count)}");
        }

        context.CheckSize((long)(text.Length * Math.Truncate(count)));
        return new StringBuilder(text.Length * (int)count).Insert(0, text, (int)count).ToString();
    }

    /// <summary><c>Array.prototype.join</c>: undefined and null items print as nothing.</summary>
    public static string Join(RenderContext context, object array, object? separator)
    {
        var glue = separator is null ? "," : JsValues.ToJsString(separator);
        var builder = new StringBuilder();
        var first = true;
        foreach (var item in ObjectAccess.Enumerate(array))
        {
            if (!first)
            {
                builder.Append(glue);
            }

            first = false;
            if (!JsValues.IsNullish(item))
            {
                builder.Append(JsValues.ToJsString(item));
            }

            context.CheckSize(builder.Length);
        }

        return builder.ToString();
    }

    /// <summary><c>Array.prototype.indexOf(value, fromIndex)</c>: strict equality, a negative start counts from the end.</summary>
    private static int IndexOf(object array, object? value, object? fromIndex = null)
    {
        var count = ObjectAccess.ListCount(array);
        var start = 0;
        if (fromIndex is not null)
        {
            var from = JsValues.ToNumber(fromIndex);
            from = double.IsNaN(from) ? 0 : Math.Truncate(from);
            start = (int)Math.Clamp(from < 0 ? count + from : from, 0, count);
        }

        for (var index = start; index < count; index++)
        {
            if (JsValues.StrictEquals(ObjectAccess.ListItem(array, index), value))
            {
                return index;
            }
        }

        return -1;
    }
}
