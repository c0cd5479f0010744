using System.Collections;
using System.Text;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Builtins;

/// <summary>The <c>array</c> builtin object. Functions return new lists; inputs are never modified.</summary>
internal static class ArrayFunctions
{
    public static BuiltinObject Create() => new BuiltinObject("array")
        .Function("add", Add, P.Enumerable("list"), P.Any("value"))
        .Function("add_range", (c, s, a) => Concat(c, s, a[0], a[1]), P.Enumerable("list1"), P.Enumerable("list2"))
        .VariadicFunction("any", Any, P.Enumerable("list"), P.Any("function"), P.Any("args"))
        .Function("compact", Compact, P.Enumerable("list"))
        .Function("concat", (c, s, a) => Concat(c, s, a[0], a[1]), P.Enumerable("list1"), P.Enumerable("list2"))
        .Function("contains", Contains, P.Enumerable("list"), P.Any("item"))
        .Function("cycle", Cycle, P.List("list"), P.Any("group", null))
        .Function("each", (c, s, a) => Apply(c, s, a, keepIfTrue: false), P.Enumerable("list"), P.Any("function"))
        .Function("filter", (c, s, a) => Apply(c, s, a, keepIfTrue: true), P.Enumerable("list"), P.Any("function"))
        .Function("first", First, P.Enumerable("list"))
        .Function("insert_at", InsertAt, P.Enumerable("list"), P.Int("index"), P.Any("value"))
        .Function("join", Join, P.Enumerable("list"), P.Text("delimiter"), P.Any("function", null))
        .Function("last", Last, P.Enumerable("list"))
        .Function("limit", Limit, P.Enumerable("list"), P.Int("count"))
        .Function("map", Map, P.Any("list"), P.Text("member"))
        .Function("offset", Offset, P.Enumerable("list"), P.Int("index"))
        .Function("remove_at", RemoveAt, P.List("list"), P.Int("index"))
        .Function("reverse", Reverse, P.Enumerable("list"))
        .Function("size", Size, P.Enumerable("list"))
        .Function("sort", Sort, P.Any("list"), P.Text("member", null))
        .Function("uniq", Uniq, P.Enumerable("list"));

    /// <summary>Copies items, counting each against the loop limit like Scriban's builtins do.</summary>
    private static List<object?> Collect(RenderContext context, SourceSpan span, object list)
    {
        var items = new List<object?>();
        using var scope = context.EnterInternalLoop();
        foreach (var item in ObjectAccess.Enumerate(list))
        {
            context.StepInternal(span);
            items.Add(item);
        }

        return items;
    }

    private static object? Add(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return new TemplateRange([a[1]]);
        }

        var items = Collect(context, span, list);
        items.Add(a[1]);
        return new TemplateArray(items);
    }

    private static object? Concat(RenderContext context, SourceSpan span, object? left, object? right)
    {
        if (left is null && right is null)
        {
            return null;
        }

        if (right is null)
        {
            return new TemplateRange(ObjectAccess.Enumerate(left!).ToList());
        }

        if (left is null)
        {
            return new TemplateRange(ObjectAccess.Enumerate(right).ToList());
        }

        using var scope = context.EnterInternalLoop();
        var items = Collect(context, span, left);
        foreach (var item in ObjectAccess.Enumerate(right))
        {
            context.StepInternal(span);
            items.Add(item);
        }

        context.CheckSize(span, items.Count);
        return new TemplateRange(items);
    }

    private static object? Any(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list || a[1] is not ICallable function)
        {
            return Box.False;
        }

        var extra = (TemplateArray?)a[2];
        var arguments = new object?[1 + (extra?.Count ?? 0)];
        extra?.CopyTo(arguments, 1);
        using var scope = context.EnterInternalLoop();
        foreach (var item in ObjectAccess.Enumerate(list))
        {
            context.StepInternal(span);
            arguments[0] = item;
            if (context.CallWithValues(context.CurrentNode, function, arguments) is true)
            {
                return Box.True;
            }
        }

        return Box.False;
    }

    private static object? Compact(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return null;
        }

        var items = Collect(context, span, list);
        items.RemoveAll(static item => item is null);
        return new TemplateRange(items);
    }

    private static object? Contains(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return Box.False;
        }

        var item = a[1];
        using var scope = context.EnterInternalLoop();
        foreach (var element in ObjectAccess.Enumerate(list))
        {
            context.StepInternal(span);
            if (element == item || (element is not null && element.Equals(item)))
            {
                return Box.True;
            }
        }

        return Box.False;
    }

    private static object? Cycle(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not IList list)
        {
            return null;
        }

        var group = a[1] is null ? JoinText(context, span, list, ",", null) : context.ToText(a[1]) ?? string.Empty;
        context.Cycles.TryGetValue(group, out var index);
        index = list.Count == 0 ? 0 : index % list.Count;
        object? result = null;
        if (list.Count > 0)
        {
            result = ObjectAccess.FromHost(list[index]);
            index++;
        }

        context.Cycles[group] = index;
        return result;
    }

    private static object? Apply(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a, bool keepIfTrue)
    {
        if (a[0] is not { } list)
        {
            return null;
        }

        if (a[1] is null)
        {
            return new TemplateRange(ObjectAccess.Enumerate(list).ToList());
        }

        var function = Args.Function(context, a[1], 1)!;
        var caller = context.CurrentNode;
        var results = new List<object?>();
        var argument = new object?[1];
        using var scope = context.EnterInternalLoop();
        foreach (var item in ObjectAccess.Enumerate(list))
        {
            context.StepInternal(span);
            argument[0] = item;
            var result = context.CallWithValues(caller, function, argument);
            if (!keepIfTrue)
            {
                results.Add(result);
            }
            else if (context.ToBool(result))
            {
                results.Add(item);
            }
        }

        return new TemplateRange(results);
    }

    private static object? First(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return null;
        }

        if (ObjectAccess.IsList(list))
        {
            return ObjectAccess.ListCount(list) > 0 ? ObjectAccess.ListItem(list, 0) : null;
        }

        foreach (var item in ObjectAccess.Enumerate(list))
        {
            return item;
        }

        return null;
    }

    private static object? Last(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return null;
        }

        if (ObjectAccess.IsList(list))
        {
            var count = ObjectAccess.ListCount(list);
            return count > 0 ? ObjectAccess.ListItem(list, count - 1) : null;
        }

        var items = Collect(context, span, list);
        return items.Count > 0 ? items[^1] : null;
    }

    private static object? InsertAt(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        var index = Math.Max(0, Args.Int(a, 1));
        using var scope = context.EnterInternalLoop();
        var items = a[0] is { } list ? Collect(context, span, list) : [];
        while (items.Count < index)
        {
            context.StepInternal(span);
            items.Add(null);
        }

        items.Insert(index, a[2]);
        return new TemplateArray(items);
    }

    private static object? Join(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return string.Empty;
        }

        var function = Args.Function(context, a[2], 2);
        return JoinText(context, span, ObjectAccess.Enumerate(list), Args.Text(a, 1), function);
    }

    private static string JoinText(RenderContext context, SourceSpan span, IEnumerable items, string? delimiter, ICallable? function)
    {
        var text = new StringBuilder();
        var first = true;
        var argument = new object?[1];
        using var scope = context.EnterInternalLoop();
        foreach (var raw in items)
        {
            context.StepInternal(span);
            if (!first)
            {
                text.Append(delimiter);
            }

            var item = context.ToText(ObjectAccess.FromHost(raw));
            if (function is not null)
            {
                argument[0] = item;
                item = context.ToText(context.CallWithValues(context.CurrentNode, function, argument));
            }

            text.Append(item);
            context.CheckSize(span, text.Length);
            first = false;
        }

        return text.ToString();
    }

    private static object? Limit(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return null;
        }

        var count = Args.Int(a, 1);
        var items = new List<object?>();
        using var scope = context.EnterInternalLoop();
        foreach (var item in ObjectAccess.Enumerate(list))
        {
            context.StepInternal(span);
            if (count <= 0)
            {
                break;
            }

            count--;
            items.Add(item);
        }

        return new TemplateRange(items);
    }

    private static object? Offset(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return null;
        }

        var skip = Args.Int(a, 1);
        var items = new List<object?>();
        using var scope = context.EnterInternalLoop();
        foreach (var item in ObjectAccess.Enumerate(list))
        {
            context.StepInternal(span);
            if (skip <= 0)
            {
                items.Add(item);
            }
            else
            {
                skip--;
            }
        }

        return new TemplateRange(items);
    }

    private static object? Map(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        var results = new List<object?>();
        if (a[0] is not { } list || Args.Text(a, 1) is not { } member)
        {
            return new TemplateRange(results);
        }

        if (!ObjectAccess.IsList(list) && ObjectAccess.IsObjectLike(list) is false && list is not IEnumerable)
        {
            if (ObjectAccess.TryGetMember(list, member, out var single))
            {
                results.Add(single);
            }

            return new TemplateRange(results);
        }

        using var scope = context.EnterInternalLoop();
        foreach (var item in ObjectAccess.Enumerate(list))
        {
            context.StepInternal(span);
            if (item is not null && ObjectAccess.TryGetMember(item, member, out var value))
            {
                results.Add(value);
            }
        }

        return new TemplateRange(results);
    }

    private static object? RemoveAt(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return new TemplateArray();
        }

        var items = Collect(context, span, list);
        var index = Args.Int(a, 1);
        if (index < 0)
        {
            index += items.Count;
        }

        if (index >= 0 && index < items.Count)
        {
            items.RemoveAt(index);
        }

        return new TemplateArray(items);
    }

    private static object? Reverse(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return new TemplateArray();
        }

        var items = Collect(context, span, list);
        items.Reverse();
        return new TemplateRange(items);
    }

    private static object? Size(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return Box.Int(0);
        }

        if (ObjectAccess.IsList(list))
        {
            context.CheckAbort();
            return Box.Int(ObjectAccess.ListCount(list));
        }

        return Box.Int(Collect(context, span, list).Count);
    }

    private static object? Sort(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return new TemplateRange([]);
        }

        if (list is string || !ObjectAccess.IsIterable(list))
        {
            return new TemplateArray([list]);
        }

        var items = Collect(context, span, list);
        if (items.Count == 0)
        {
            return new TemplateArray();
        }

        var member = Args.Text(a, 1);
        var comparer = new ValueComparer(context.Culture);
        IEnumerable<object?> sorted = string.IsNullOrEmpty(member)
            ? items.OrderBy(static item => item, comparer)
            : items.OrderBy(item => SortKey(item, member), comparer);
        return new TemplateArray(sorted);
    }

    private static object? SortKey(object? item, string member)
    {
        if (item is null)
        {
            return null;
        }

        if (ObjectAccess.TryGetMember(item, member, out var value))
        {
            return value;
        }

        if (!member.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        value = item;
        foreach (var part in member.Split('.'))
        {
            if (value is null || !ObjectAccess.TryGetMember(value, part, out value))
            {
                return null;
            }
        }

        return value;
    }

    private static object? Uniq(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } list)
        {
            return null;
        }

        var seen = new HashSet<object?>();
        var items = new List<object?>();
        using var scope = context.EnterInternalLoop();
        foreach (var item in ObjectAccess.Enumerate(list))
        {
            context.StepInternal(span);
            if (seen.Add(item))
            {
                items.Add(item);
            }
        }

        return new TemplateRange(items);
    }
}

/// <summary>Orders values like .NET's default comparer: null first, strings by culture, numbers by value.</summary>
internal sealed class ValueComparer : IComparer<object?>
{
    private readonly System.Globalization.CultureInfo _culture;

    public ValueComparer(System.Globalization.CultureInfo culture) => _culture = culture;

    public int Compare(object? x, object? y)
    {
        if (x is null)
        {
            return y is null ? 0 : -1;
        }

        if (y is null)
        {
            return 1;
        }

        if (x is string sx && y is string sy)
        {
            return _culture.CompareInfo.Compare(sx, sy, System.Globalization.CompareOptions.None);
        }

        if (Operators.IsPrimitive(x) && Operators.IsPrimitive(y) && x.GetType() != y.GetType() && x is not bool && y is not bool)
        {
            return Convert.ToDouble(x, _culture).CompareTo(Convert.ToDouble(y, _culture));
        }

        return x is IComparable comparable ? comparable.CompareTo(y) : 0;
    }
}
