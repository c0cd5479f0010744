using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Runtime.JavaScript;

namespace Scaffolder.Templating.Builtins.Nunjucks;

/// <summary><c>sort</c> and <c>truncate</c>, following Nunjucks' implementations.</summary>
internal static partial class NunjucksFilters
{
    /// <summary>
    /// <c>sort(value, reverse, caseSensitive, attribute)</c>: a sorted copy, compared with JavaScript's
    /// <c>&lt;</c>/<c>&gt;</c> (strings case-insensitively unless asked), by a dotted attribute if given.
    /// Stable, like V8's sort; undefined items go last without being compared, as in JavaScript.
    /// </summary>
    private static List<object?> Sort(RenderContext context, object? value, object? reversed, object? caseSensitive, object? attribute)
    {
        var items = value switch
        {
            null or JsNull => [],
            string text => text.Select(c => (object?)c.ToString()).ToList(),
            _ when JsValues.IsArray(value) => ObjectAccess.Enumerate(value).ToList(),
            _ => [],
        };
        context.CheckSize(items.Count);

        var byAttribute = JsValues.IsTruthy(attribute);
        var path = byAttribute ? JsValues.ToJsString(attribute).Split('.') : [];
        var descending = JsValues.IsTruthy(reversed);
        var ignoreCase = !JsValues.IsTruthy(caseSensitive);
        object? Key(object? item)
        {
            var key = byAttribute ? Attribute(item, path) : item;
            return ignoreCase && key is string text ? text.ToLowerInvariant() : key;
        }

        int Compare(object? a, object? b)
        {
            var x = Key(a);
            var y = Key(b);
            if (JsValues.Compare(x, y, static c => c < 0))
            {
                return descending ? 1 : -1;
            }

            if (JsValues.Compare(x, y, static c => c > 0))
            {
                return descending ? -1 : 1;
            }

            return 0;
        }

        var defined = items.Where(item => item is not null).ToList();
        var sorted = MergeSort(defined, Compare);
        sorted.AddRange(items.Where(item => item is null));
        return sorted;
    }

    /// <summary>Nunjucks' attribute getter: a dotted path of own properties, undefined when a part is missing.</summary>
    private static object? Attribute(object? item, string[] path)
    {
        foreach (var part in path)
        {
            if (!TryGetOwnProperty(item, part, out item))
            {
                return null;
            }
        }

        return item;
    }

    /// <summary>JavaScript's own properties: characters and length of strings, items and length of arrays, object members.</summary>
    private static bool TryGetOwnProperty(object? item, string name, out object? value)
    {
        value = null;
        switch (item)
        {
            case null or JsNull:
                return false;
            case string text:
                if (name == "length")
                {
                    value = (double)text.Length;
                    return true;
                }

                if (JsValues.IsArrayIndex(name) && int.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out var charIndex) && charIndex < text.Length)
                {
                    value = text[charIndex].ToString();
                    return true;
                }

                return false;
        }

        if (JsValues.IsArray(item))
        {
            var count = ObjectAccess.ListCount(item);
            if (name == "length")
            {
                value = (double)count;
                return true;
            }

            if (JsValues.IsArrayIndex(name) && int.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < count)
            {
                value = ObjectAccess.ListItem(item, index);
                return true;
            }

            return false;
        }

        return JsValues.IsObject(item) && ObjectAccess.TryGetMember(item, name, out value);
    }

    /// <summary>A stable merge sort that tolerates inconsistent comparisons (NaN), as JavaScript's sort does.</summary>
    private static List<object?> MergeSort(List<object?> items, Func<object?, object?, int> compare)
    {
        if (items.Count <= 1)
        {
            return items;
        }

        var middle = items.Count / 2;
        var left = MergeSort(items.GetRange(0, middle), compare);
        var right = MergeSort(items.GetRange(middle, items.Count - middle), compare);
        var merged = new List<object?>(items.Count);
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count)
        {
            merged.Add(compare(right[j], left[i]) < 0 ? right[j++] : left[i++]);
        }

        merged.AddRange(left.Skip(i));
        merged.AddRange(right.Skip(j));
        return merged;
    }

    /// <summary>
    /// <c>truncate(value, length = 255, killwords, end = "...")</c>: cut at the last space before
    /// <c>length</c> (or exactly at it with <c>killwords</c>) and append <c>end</c>.
    /// </summary>
    private static object? Truncate(object? value, object? lengthValue, object? killWords, object? end)
    {
        if (value is null or JsNull or false)
        {
            value = string.Empty;
        }

        if (value is not string text)
        {
            throw new JsTypeError("input.lastIndexOf is not a function");
        }

        var length = JsValues.IsTruthy(lengthValue) ? JsValues.ToNumber(lengthValue) : 255;
        if (text.Length <= length)
        {
            return text;
        }

        var cut = double.IsNaN(length) ? 0 : (int)Math.Clamp(Math.Truncate(length), 0, text.Length);
        if (!JsValues.IsTruthy(killWords))
        {
            var space = text.LastIndexOf(' ', Math.Min(cut, text.Length - 1));
            cut = space < 0 ? cut : space;
        }

        return text[..cut] + (JsValues.IsNullish(end) ? "..." : JsValues.ToJsString(end));
    }
}
