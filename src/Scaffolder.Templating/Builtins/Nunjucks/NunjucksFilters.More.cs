using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Runtime.JavaScript;

namespace Scaffolder.Templating.Builtins.Nunjucks;

/// <summary>
/// The rest of Nunjucks' standard filters (collections, HTML helpers, counting), following
/// Nunjucks 3's implementations, including their JavaScript failures on unexpected input.
/// </summary>
internal static partial class NunjucksFilters
{
    private static void AddMore(Action<string, Func<RenderContext, JsArguments, object?>> add)
    {
        add("batch", (context, a) => Batch(context, a[0], a[1], a[2]));
        add("center", (_, a) => Center(a[0], a[1]));
        add("dictsort", (_, a) => DictSort(a[0], a[1], a[2]));
        add("escape", (_, a) => HtmlEscape(a[0]));
        add("e", (_, a) => HtmlEscape(a[0]));
        add("forceescape", (_, a) => HtmlEscape(a[0]));
        add("groupby", (context, a) => GroupBy(context, a[0], a[1]));
        add("nl2br", (_, a) => a[0] switch
        {
            null or JsNull => string.Empty,
            string text => LineBreaks().Replace(text, "<br />\n"),
            _ => throw new JsTypeError("str.replace is not a function"),
        });
        add("selectattr", (_, a) => FilterItems(a[0], "filter", item => JsValues.IsTruthy(Member(item, a[1]))));
        add("rejectattr", (_, a) => FilterItems(a[0], "filter", item => !JsValues.IsTruthy(Member(item, a[1]))));
        add("select", (_, a) => SelectByTest(a[0], a[1], a[2], expected: true));
        add("reject", (_, a) => SelectByTest(a[0], a[1], a[2], expected: false));
        add("slice", (context, a) => SliceInto(context, a[0], a[1], a[2]));
        add("sum", (context, a) => Sum(context, a[0], a[1], a[2]));
        add("wordcount", (_, a) => WordCount(a[0]));
        add("striptags", (_, a) => StripTags(a[0], a[1]));
        add("random", (_, a) => ArrayLike(a[0], "length") is { Count: > 0 } items ? items[Random.Shared.Next(items.Count)] : null);
    }

    /// <summary>Items of an array (or characters of a string) as JavaScript's <c>arr.length</c>/<c>arr[i]</c> loops read them.</summary>
    private static List<object?> ArrayLike(object? value, string method) => value switch
    {
        string text => text.Select(c => (object?)c.ToString()).ToList(),
        _ when JsValues.IsArray(value) => ObjectAccess.Enumerate(value!).ToList(),
        null or JsNull => throw new JsTypeError($"Cannot read properties of {JsValues.ToJsString(value)} (reading '{method}')"),
        _ => [],
    };

    private static List<object?> Batch(RenderContext context, object? value, object? lineCount, object? fillWith)
    {
        var items = ArrayLike(value, "length");
        var size = JsValues.ToNumber(lineCount);
        var result = new List<object?>();
        var current = new List<object?>();
        for (var i = 0; i < items.Count; i++)
        {
            if (i % size == 0 && current.Count > 0)
            {
                result.Add(current);
                current = [];
            }

            current.Add(items[i]);
        }

        if (current.Count > 0)
        {
            if (JsValues.IsTruthy(fillWith))
            {
                for (var i = (double)current.Count; i < size; i++)
                {
                    current.Add(fillWith);
                    context.CheckSize(current.Count);
                }
            }

            result.Add(current);
        }

        return result;
    }

    private static string Center(object? value, object? widthValue)
    {
        if (value is not (string or null or JsNull or false))
        {
            // `str.length` is undefined: the padding comes out empty.
            return JsValues.ToJsString(value);
        }

        var text = value as string ?? string.Empty;
        var width = JsValues.IsTruthy(widthValue) ? JsValues.ToNumber(widthValue) : 80;
        if (text.Length >= width)
        {
            return text;
        }

        var spaces = width - text.Length;

        // lib.repeat counts up to a possibly fractional bound.
        static string Spaces(double count) => count > 0 ? new string(' ', (int)Math.Ceiling(Math.Min(count, 100_000))) : string.Empty;
        return Spaces((spaces / 2) - (spaces % 2)) + text + Spaces(spaces / 2);
    }

    private static List<object?> DictSort(object? value, object? caseSensitive, object? by)
    {
        if (!JsValues.IsObject(value) || JsValues.IsFunction(value) || !ObjectAccess.TryEnumerateMembers(value!, out var members))
        {
            throw new JsTypeError("dictsort filter: val must be an object");
        }

        var index = by switch
        {
            null or "key" => 0,
            "value" => 1,
            _ => throw new JsTypeError("dictsort filter: You can only sort by either key or value"),
        };
        var pairs = JsValues.InJsKeyOrder(members).Select(member => new List<object?> { member.Key, member.Value }).ToList();
        object? Key(List<object?> pair) => !JsValues.IsTruthy(caseSensitive) && pair[index] is string text ? text.ToUpperInvariant() : pair[index];
        int Compare(object? a, object? b)
        {
            var x = Key((List<object?>)a!);
            var y = Key((List<object?>)b!);
            return JsValues.Compare(x, y, static c => c > 0) ? 1 : JsValues.StrictEquals(x, y) ? 0 : -1;
        }

        return MergeSort(pairs.Cast<object?>().ToList(), Compare);
    }

    /// <summary>Nunjucks' <c>lib.escape</c>: <c>&amp; " ' &lt; &gt;</c> as entities.</summary>
    private static string HtmlEscape(object? value)
    {
        var text = value is null or JsNull ? string.Empty : JsValues.ToJsString(value);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary><c>groupby(arr, attribute)</c>: an object of arrays keyed by the attribute's text (<c>"undefined"</c> when missing).</summary>
    private static Dictionary<string, object?> GroupBy(RenderContext context, object? value, object? attribute)
    {
        var items = ArrayLike(value, "length");
        var path = attribute switch
        {
            _ when !JsValues.IsTruthy(attribute) => [],
            string text => text.Split('.'),
            _ => [JsValues.ToJsString(attribute)],
        };
        var groups = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = JsValues.ToJsString(Attribute(item, path));
            if (!groups.TryGetValue(key, out var group))
            {
                group = new List<object?>();
                groups[key] = group;
            }

            ((List<object?>)group!).Add(item);
            context.CheckSize(groups.Count);
        }

        return JsValues.InJsKeyOrder(groups).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }

    /// <summary><c>item[attribute]</c>; reading from null or undefined fails as in JavaScript.</summary>
    private static object? Member(object? item, object? attribute)
    {
        var name = JsValues.ToJsString(attribute);
        if (item is null or JsNull)
        {
            throw new JsTypeError($"Cannot read properties of {JsValues.ToJsString(item)} (reading '{name}')");
        }

        if (TryGetOwnProperty(item, name, out var own))
        {
            return own;
        }

        if (JsIntrinsics.TryGetMember(item, name, out var intrinsic))
        {
            return intrinsic;
        }

        return null;
    }

    private static List<object?> FilterItems(object? value, string method, Func<object?, bool> keep) =>
        JsValues.IsArray(value)
            ? ObjectAccess.Enumerate(value!).Where(keep).ToList()
            : throw new JsTypeError(value is null or JsNull
                ? $"Cannot read properties of {JsValues.ToJsString(value)} (reading '{method}')"
                : $"arr.{method} is not a function");

    private static List<object?> SelectByTest(object? value, object? testName, object? argument, bool expected)
    {
        var name = testName is null ? "truthy" : JsValues.ToJsString(testName);
        if (!NunjucksTests.Predicates.TryGetValue(name, out var test))
        {
            throw new JsTypeError($"test not found: {name}");
        }

        var items = value switch
        {
            null or JsNull => throw new JsTypeError("Array.prototype.slice called on null or undefined"),
            _ => ArrayLike(value, "slice"),
        };
        return items.Where(item => test(item, argument) == expected).ToList();
    }

    /// <summary><c>slice(arr, slices, fillWith)</c>: the items cut into <c>slices</c> columns, the first ones one longer.</summary>
    private static List<object?> SliceInto(RenderContext context, object? value, object? slicesValue, object? fillWith)
    {
        var items = ArrayLike(value, "length");
        var slices = JsValues.ToNumber(slicesValue);
        if (double.IsNaN(slices) || slices < 0)
        {
            return [];
        }

        context.CheckSize((long)Math.Min(slices, int.MaxValue));
        var count = (int)Math.Ceiling(slices);
        var length = (int)Math.Floor(items.Count / slices);
        var extra = items.Count % slices;
        var result = new List<object?>(count);
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            var start = offset + (i * length);
            if (i < extra)
            {
                offset++;
            }

            var end = offset + ((i + 1) * length);
            var slice = items.Skip(start).Take(Math.Max(0, Math.Min(end, items.Count) - start)).ToList();
            if (JsValues.IsTruthy(fillWith) && i >= extra)
            {
                slice.Add(fillWith);
            }

            result.Add(value is string ? string.Concat(slice.Select(JsValues.ToJsString)) : slice);
        }

        return result;
    }

    /// <summary><c>sum(arr, attribute, start = 0)</c> with JavaScript's <c>+</c> (text concatenates).</summary>
    private static object? Sum(RenderContext context, object? value, object? attribute, object? start)
    {
        var items = ArrayLike(value, "reduce");
        if (JsValues.IsTruthy(attribute))
        {
            items = items.Select(item => Member(item, attribute)).ToList();
        }

        object? total = 0d;
        foreach (var item in items)
        {
            total = JsValues.Plus(context, total, item);
        }

        return JsValues.Plus(context, start ?? 0d, total);
    }

    private static object? WordCount(object? value) => value switch
    {
        null or JsNull or false or "" => null,
        string text => WordPattern().Count(text) is var count && count > 0 ? (double)count : null,
        _ => throw new JsTypeError("str.match is not a function"),
    };

    private static string StripTags(object? value, object? preserveLineBreaks)
    {
        var text = value switch
        {
            null or JsNull or false => string.Empty,
            string s => s,
            _ => throw new JsTypeError("input.replace is not a function"),
        };
        var trimmed = TagPattern().Replace(text, string.Empty).Trim(JsWhitespace);
        if (!JsValues.IsTruthy(preserveLineBreaks))
        {
            return JsSpaces().Replace(trimmed, " ");
        }

        var lines = LineEdgeSpaces().Replace(trimmed, string.Empty);
        lines = RepeatedSpaces().Replace(lines, " ").Replace("\r\n", "\n", StringComparison.Ordinal);
        return ManyNewLines().Replace(lines, "\n\n");
    }

    private static readonly char[] JsWhitespace =
        ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
         '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];

    [GeneratedRegex(@"\r\n|\n", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"[A-Za-z0-9_]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+", RegexOptions.CultureInvariant)]
    private static partial Regex JsSpaces();

    [GeneratedRegex(@"^ +| +$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LineEdgeSpaces();

    [GeneratedRegex(@" +", RegexOptions.CultureInvariant)]
    private static partial Regex RepeatedSpaces();

    [GeneratedRegex(@"\n\n\n+", RegexOptions.CultureInvariant)]
    private static partial Regex ManyNewLines();
}
