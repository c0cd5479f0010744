using System.Globalization;

namespace Scaffolder.Templating.Runtime.JavaScript;

internal static partial class JsValues
{
    /// <summary>
    /// <c>item[index]</c> as destructuring reads it: characters of strings, items of arrays, members
    /// of objects, undefined otherwise; reading from null or undefined fails.
    /// </summary>
    public static object? ItemAt(object? item, int index)
    {
        switch (item)
        {
            case null:
            case JsNull:
                throw new JsTypeError($"Cannot read properties of {ToJsString(item)} (reading '{index}')");
            case string text:
                return index < text.Length ? text[index].ToString() : null;
        }

        if (IsArray(item))
        {
            return index < ObjectAccess.ListCount(item) ? ObjectAccess.ListItem(item, index) : null;
        }

        return IsObject(item) && ObjectAccess.TryGetMember(item, index.ToString(CultureInfo.InvariantCulture), out var value) ? value : null;
    }

    /// <summary>
    /// An object's entries in JavaScript's property order: integer-like keys ascending, then the
    /// others in insertion order.
    /// </summary>
    public static List<KeyValuePair<string, object?>> InJsKeyOrder(IEnumerable<KeyValuePair<string, object?>> members)
    {
        var list = members.ToList();
        if (!list.Exists(pair => IsArrayIndex(pair.Key)))
        {
            return list;
        }

        return [.. list.Where(pair => IsArrayIndex(pair.Key)).OrderBy(pair => uint.Parse(pair.Key, CultureInfo.InvariantCulture)),
            .. list.Where(pair => !IsArrayIndex(pair.Key))];
    }

    /// <summary>A canonical array index: digits without leading zeros, below 2^32 - 1.</summary>
    public static bool IsArrayIndex(string key) =>
        key.Length is > 0 and <= 10 && (key.Length == 1 || key[0] != '0') && key.All(char.IsAsciiDigit)
        && ulong.Parse(key, CultureInfo.InvariantCulture) < uint.MaxValue;

    /// <summary>JavaScript's binary <c>+</c>: text when either side is text, else numbers.</summary>
    public static object Plus(RenderContext context, object? left, object? right)
    {
        var leftPrimitive = ToPrimitive(left);
        var rightPrimitive = ToPrimitive(right);
        if (leftPrimitive is string || rightPrimitive is string)
        {
            var leftText = ToJsString(leftPrimitive);
            var rightText = ToJsString(rightPrimitive);
            context.CheckSize((long)leftText.Length + rightText.Length);
            return leftText + rightText;
        }

        return ToNumber(leftPrimitive) + ToNumber(rightPrimitive);
    }
}
