using Scaffolder.Templating.Runtime.JavaScript;

namespace Scaffolder.Templating.Builtins.Nunjucks;

/// <summary>Nunjucks' global functions (<c>range</c>, <c>joiner</c>, <c>cycler</c>).</summary>
internal static class NunjucksGlobals
{
    /// <summary><c>range(stop)</c> or <c>range(start, stop, step = 1)</c>: the numbers from start up to (not including) stop.</summary>
    public static JsFunction Range { get; } = new("range", (context, _, args) =>
    {
        double start, stop, step;
        if (args[1] is null)
        {
            (start, stop, step) = (0, JsValues.ToNumber(args[0]), 1);
        }
        else
        {
            start = JsValues.ToNumber(args[0]);
            stop = JsValues.ToNumber(args[1]);
            step = JsValues.IsTruthy(args[2]) ? JsValues.ToNumber(args[2]) : 1;
        }

        var numbers = new List<object?>();
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            numbers.Add(i);
            context.CheckSize(numbers.Count);
        }

        return numbers;
    });

    /// <summary><c>joiner(sep = ",")</c>: a function returning "" on its first call and the separator after.</summary>
    public static JsFunction Joiner { get; } = new("joiner", (_, _, args) =>
    {
        var separator = JsValues.IsTruthy(args[0]) ? args[0] : ",";
        var first = true;
        return new JsFunction("joiner", (_, _, _) =>
        {
            var value = first ? string.Empty : separator;
            first = false;
            return value;
        });
    });

    /// <summary><c>cycler(a, b, ...)</c>: an object whose <c>next()</c> returns the items in turn, kept in <c>current</c>.</summary>
    public static JsFunction Cycler { get; } = new("cycler", (_, _, args) =>
    {
        var items = Enumerable.Range(0, args.Count).Select(i => args[i]).ToList();
        var index = -1;
        var cycler = new Dictionary<string, object?>(StringComparer.Ordinal) { ["current"] = JsNull.Value };
        cycler["reset"] = new JsFunction("reset", (_, _, _) =>
        {
            index = -1;
            cycler["current"] = JsNull.Value;
            return null;
        });
        cycler["next"] = new JsFunction("next", (_, _, _) =>
        {
            index = index + 1 >= items.Count ? 0 : index + 1;
            cycler["current"] = index < items.Count ? items[index] : null;
            return cycler["current"];
        });
        return cycler;
    });
}
