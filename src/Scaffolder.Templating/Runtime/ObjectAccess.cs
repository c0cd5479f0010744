using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Templating.Builtins;

namespace Scaffolder.Templating.Runtime;

/// <summary>
/// Uniform access to every value shape a template can meet: the engine's own objects and arrays,
/// host dictionaries and lists (including YAML-shaped <c>IDictionary&lt;object, object&gt;</c>),
/// System.Text.Json nodes and elements, dates and timespans. No reflection: other .NET objects are
/// opaque to templates.
/// </summary>
internal static class ObjectAccess
{
    /// <summary>Brings a value coming from the host into the engine's value space.</summary>
    public static object? FromHost(object? value) => value switch
    {
        null => null,
        string or int or bool or double or long or TemplateObject or TemplateArray => value,
        TemplateFunction function => function.Callable,
        JsonValue json => FromJsonValue(json),
        JsonElement element => FromJsonElement(element),
        byte b => (int)b,
        sbyte sb => (int)sb,
        short s => (int)s,
        ushort us => (int)us,
        uint ui => ui <= int.MaxValue ? (object)(int)ui : (long)ui,
        ulong ul => ul <= long.MaxValue ? (object)(long)ul : new BigInteger(ul),
        char c => c.ToString(),
        Enum e => e.ToString(),
        DateTimeOffset offset => offset.UtcDateTime,
        _ => value,
    };

    private static object? FromJsonValue(JsonValue json)
    {
        if (json.TryGetValue<JsonElement>(out var element))
        {
            return FromJsonElement(element);
        }

        if (json.TryGetValue<string>(out var text))
        {
            return text;
        }

        if (json.TryGetValue<bool>(out var flag))
        {
            return flag;
        }

        if (json.TryGetValue<int>(out var integer))
        {
            return integer;
        }

        if (json.TryGetValue<long>(out var longValue))
        {
            return longValue;
        }

        if (json.TryGetValue<double>(out var number))
        {
            return number;
        }

        if (json.TryGetValue<decimal>(out var money))
        {
            return money;
        }

        return json.ToJsonString();
    }

    private static object? FromJsonElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number => element.TryGetInt32(out var i) ? i
            : element.TryGetInt64(out var l) ? l
            : BigInteger.TryParse(element.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var big) ? big
            : element.GetDouble(),
        _ => element,
    };

    public static bool IsJsonObject(object value) => value is JsonObject || value is JsonElement { ValueKind: JsonValueKind.Object };

    /// <summary>Values with named members: objects, dictionaries, JSON objects (not arrays).</summary>
    public static bool IsObjectLike(object? value) => value switch
    {
        null or string or TemplateArray => false,
        IScriptObject => true,
        IDictionary<string, object?> or IReadOnlyDictionary<string, object?> or IDictionary<object, object?> or IDictionary => true,
        JsonObject => true,
        JsonElement element => element.ValueKind == JsonValueKind.Object,
        KeyValuePair<string, object?> => true,
        _ => false,
    };

    /// <summary>Values with indexed items.</summary>
    public static bool IsList(object? value) => value switch
    {
        null or string => false,
        TemplateArray or TemplateRange or IList or JsonArray => true,
        JsonElement element => element.ValueKind == JsonValueKind.Array,
        IReadOnlyList<object?> => true,
        _ => false,
    };

    public static int ListCount(object list) => list switch
    {
        TemplateArray array => array.Count,
        TemplateRange range => range.Count,
        IList items => items.Count,
        JsonArray json => json.Count,
        JsonElement element => element.GetArrayLength(),
        IReadOnlyList<object?> items => items.Count,
        _ => 0,
    };

    public static object? ListItem(object list, int index)
    {
        switch (list)
        {
            case TemplateArray array:
                return array[index];
            case TemplateRange range:
                return range[index];
            case IList items:
                return index >= 0 && index < items.Count ? FromHost(items[index]) : null;
            case JsonArray json:
                return index >= 0 && index < json.Count ? FromHost(json[index]) : null;
            case JsonElement element:
                return index >= 0 && index < element.GetArrayLength() ? FromHost(element[index]) : null;
            case IReadOnlyList<object?> items:
                return index >= 0 && index < items.Count ? FromHost(items[index]) : null;
            default:
                return null;
        }
    }

    /// <summary>Sets an item, padding with nulls past the end; false when the list is read-only.</summary>
    public static bool TrySetListItem(object list, int index, object? value)
    {
        switch (list)
        {
            case TemplateArray array:
                array[index] = value;
                return true;
            case IList { IsReadOnly: false, IsFixedSize: false } items:
                while (items.Count <= index)
                {
                    items.Add(null);
                }

                items[index] = value;
                return true;
            case IList { IsReadOnly: false } fixedItems when index < fixedItems.Count:
                fixedItems[index] = value;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The items of any iterable value (lists, ranges, strings by character, objects as key/value entries).</summary>
    public static IEnumerable<object?> Enumerate(object value)
    {
        switch (value)
        {
            case TemplateArray array:
                return array.Items;
            case TemplateRange range:
                return range.Items;
            case string text:
                return EnumerateString(text);
            case JsonArray json:
                return json.Select(FromHost);
            case JsonElement { ValueKind: JsonValueKind.Array } element:
                return element.EnumerateArray().Select(e => FromHost(e));
            default:
                if (IsObjectLike(value) && TryEnumerateMembers(value, out var members))
                {
                    return members.Select(static entry => (object?)entry);
                }

                if (value is IEnumerable enumerable)
                {
                    return EnumerateHost(enumerable);
                }

                return [];
        }
    }

    public static bool IsIterable(object value) =>
        value is string || IsList(value) || IsObjectLike(value) || value is IEnumerable;

    private static IEnumerable<object?> EnumerateString(string text)
    {
        foreach (var c in text)
        {
            yield return c.ToString();
        }
    }

    private static IEnumerable<object?> EnumerateHost(IEnumerable enumerable)
    {
        foreach (var item in enumerable)
        {
            yield return FromHost(item);
        }
    }

    public static bool TryGetKeys(object value, out IEnumerable<string> keys)
    {
        if (TryEnumerateMembers(value, out var members))
        {
            keys = members.Select(static member => member.Key);
            return true;
        }

        keys = [];
        return false;
    }

    public static bool TryEnumerateMembers(RenderContext context, object value, out IEnumerable<KeyValuePair<string, object?>> members) =>
        TryEnumerateMembers(value, out members);

    /// <summary>The named members of an object-like value, in order.</summary>
    public static bool TryEnumerateMembers(object value, out IEnumerable<KeyValuePair<string, object?>> members)
    {
        switch (value)
        {
            case TemplateObject obj:
                members = obj;
                return true;
            case TemplateArray:
                members = [];
                return false;
            case BuiltinObject builtin:
                members = builtin.Members;
                return true;
            case IScriptObject scriptObject:
                members = scriptObject.Keys.Select(key =>
                {
                    scriptObject.TryGetValue(key, out var member);
                    return new KeyValuePair<string, object?>(key, member);
                });
                return true;
            case IDictionary<string, object?> dictionary:
                members = dictionary.Select(static pair => new KeyValuePair<string, object?>(pair.Key, FromHost(pair.Value)));
                return true;
            case IReadOnlyDictionary<string, object?> dictionary:
                members = dictionary.Select(static pair => new KeyValuePair<string, object?>(pair.Key, FromHost(pair.Value)));
                return true;
            case IDictionary<object, object?> yaml:
                members = yaml.Select(static pair => new KeyValuePair<string, object?>(Convert.ToString(pair.Key, CultureInfo.InvariantCulture) ?? string.Empty, FromHost(pair.Value)));
                return true;
            case IDictionary dictionary:
                members = EnumerateDictionary(dictionary);
                return true;
            case JsonObject json:
                members = json.Select(static pair => new KeyValuePair<string, object?>(pair.Key, FromHost(pair.Value)));
                return true;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                members = element.EnumerateObject().Select(static property => new KeyValuePair<string, object?>(property.Name, FromHost(property.Value)));
                return true;
            case KeyValuePair<string, object?> pair:
                members = [new("key", pair.Key), new("value", pair.Value)];
                return true;
            default:
                members = [];
                return false;
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> EnumerateDictionary(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, FromHost(entry.Value));
        }
    }

    public static bool HasMember(object value, string name) => TryGetHostMember(value, name, out _);

    /// <summary>Reads a named member of an object-like value.</summary>
    public static bool TryGetHostMember(object target, string name, out object? value)
    {
        switch (target)
        {
            case IScriptObject scriptObject:
                return scriptObject.TryGetValue(name, out value);
            case IDictionary<string, object?> dictionary:
                if (dictionary.TryGetValue(name, out var raw))
                {
                    value = FromHost(raw);
                    return true;
                }

                break;
            case IReadOnlyDictionary<string, object?> dictionary:
                if (dictionary.TryGetValue(name, out raw))
                {
                    value = FromHost(raw);
                    return true;
                }

                break;
            case IDictionary<object, object?> yaml:
                if (yaml.TryGetValue(name, out raw))
                {
                    value = FromHost(raw);
                    return true;
                }

                break;
            case IDictionary dictionary:
                if (dictionary.Contains(name))
                {
                    value = FromHost(dictionary[name]);
                    return true;
                }

                break;
            case JsonObject json:
                if (json.TryGetPropertyValue(name, out var node))
                {
                    value = FromHost(node);
                    return true;
                }

                break;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                if (element.TryGetProperty(name, out var property))
                {
                    value = FromHost(property);
                    return true;
                }

                break;
            case KeyValuePair<string, object?> pair:
                switch (name)
                {
                    case "key":
                        value = pair.Key;
                        return true;
                    case "value":
                        value = pair.Value;
                        return true;
                }

                break;
        }

        value = null;
        return false;
    }

    /// <summary>Reads a member of any value: object members, <c>size</c> of lists and strings, date and timespan parts.</summary>
    public static bool TryGetMember(object target, string name, out object? value)
    {
        switch (target)
        {
            case string text:
                if (name == "size")
                {
                    value = text.Length;
                    return true;
                }

                value = null;
                return false;
            case TemplateArray or IScriptObject:
                return ((IScriptObject)target).TryGetValue(name, out value);
            case DateTime date:
                return TryGetDateMember(date, name, out value);
            case TimeSpan span:
                return TryGetTimeSpanMember(span, name, out value);
        }

        if (TryGetHostMember(target, name, out value))
        {
            return true;
        }

        if (name == "size" && IsList(target))
        {
            value = ListCount(target);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Sets a member; false when the target or member is read-only.</summary>
    public static bool TrySetMember(RenderContext context, object target, string name, object? value)
    {
        switch (target)
        {
            case BuiltinObject builtin:
                return context.GetWritableBuiltin(builtin).TrySetValue(name, value, false);
            case IScriptObject scriptObject:
                return scriptObject.TrySetValue(name, value, false);
            case IDictionary<string, object?> { IsReadOnly: false } dictionary:
                dictionary[name] = value;
                return true;
            case IDictionary<object, object?> { IsReadOnly: false } yaml:
                yaml[name] = value;
                return true;
            case IDictionary { IsReadOnly: false } dictionary:
                dictionary[name] = value;
                return true;
            default:
                return false;
        }
    }

    public static int GetMemberCount(object target) => target switch
    {
        TemplateArray array => ((IScriptObject)array).Count,
        IScriptObject scriptObject => scriptObject.Count,
        ICollection collection => collection.Count,
        IDictionary<string, object?> dictionary => dictionary.Count,
        IReadOnlyDictionary<string, object?> dictionary => dictionary.Count,
        IDictionary<object, object?> yaml => yaml.Count,
        JsonObject json => json.Count,
        JsonElement { ValueKind: JsonValueKind.Object } element => element.EnumerateObject().Count(),
        _ => 0,
    };

    private static bool TryGetDateMember(DateTime date, string name, out object? value)
    {
        value = name switch
        {
            "year" => date.Year,
            "month" => date.Month,
            "day" => date.Day,
            "hour" => date.Hour,
            "minute" => date.Minute,
            "second" => date.Second,
            "millisecond" => date.Millisecond,
            "microsecond" => date.Microsecond,
            "nanosecond" => date.Nanosecond,
            "day_of_week" => date.DayOfWeek.ToString(),
            "day_of_year" => date.DayOfYear,
            "ticks" => date.Ticks,
            "kind" => date.Kind.ToString(),
            "date" => date.Date,
            "time_of_day" => date.TimeOfDay,
            _ => null,
        };
        return value is not null;
    }

    private static bool TryGetTimeSpanMember(TimeSpan span, string name, out object? value)
    {
        value = name switch
        {
            "days" => span.Days,
            "hours" => span.Hours,
            "minutes" => span.Minutes,
            "seconds" => span.Seconds,
            "milliseconds" => span.Milliseconds,
            "microseconds" => span.Microseconds,
            "nanoseconds" => span.Nanoseconds,
            "ticks" => span.Ticks,
            "total_days" => span.TotalDays,
            "total_hours" => span.TotalHours,
            "total_minutes" => span.TotalMinutes,
            "total_seconds" => span.TotalSeconds,
            "total_milliseconds" => span.TotalMilliseconds,
            _ => null,
        };
        return value is not null;
    }
}
