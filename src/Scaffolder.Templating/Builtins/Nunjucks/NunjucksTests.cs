using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Runtime.JavaScript;

namespace Scaffolder.Templating.Builtins.Nunjucks;

/// <summary>Nunjucks' tests (<c>x is string</c>, <c>x is not defined</c>, <c>n is divisibleby(3)</c>).</summary>
internal static class NunjucksTests
{
    private static readonly Dictionary<string, Func<object?, object?, bool>> Tests = new(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, JsFunction> All { get; } = Create();

    /// <summary>The tests as predicates of (value, argument), for filters that take a test name (<c>select</c>).</summary>
    public static IReadOnlyDictionary<string, Func<object?, object?, bool>> Predicates => Tests;

    private static Dictionary<string, JsFunction> Create()
    {
        var tests = new Dictionary<string, JsFunction>(StringComparer.Ordinal);
        void Add(string name, Func<object?, object?, bool> test)
        {
            Tests[name] = test;
            tests[name] = new JsFunction(name, (_, _, args) => Box.Bool(test(args[0], args[1])));
        }

        Add("callable", (v, _) => JsValues.IsFunction(v));
        Add("defined", (v, _) => v is not null);
        Add("undefined", (v, _) => v is null);
        Add("null", (v, _) => v is JsNull);
        Add("none", (v, _) => v is JsNull);
        Add("string", (v, _) => v is string);
        Add("number", (v, _) => JsValues.IsNumber(v));
        Add("boolean", (v, _) => v is bool);
        Add("truthy", (v, _) => JsValues.IsTruthy(v));
        Add("falsy", (v, _) => !JsValues.IsTruthy(v));
        Add("odd", (v, _) => JsValues.ToNumber(v) % 2 is 1 or -1);
        Add("even", (v, _) => JsValues.ToNumber(v) % 2 == 0);
        Add("divisibleby", (v, d) => JsValues.ToNumber(v) % JsValues.ToNumber(d) == 0);
        Add("escaped", (_, _) => false);
        Add("equalto", JsValues.StrictEquals);
        Add("eq", JsValues.StrictEquals);
        Add("sameas", JsValues.StrictEquals);
        Add("ne", (v, o) => !JsValues.StrictEquals(v, o));
        Add("lt", (v, o) => JsValues.Compare(v, o, static c => c < 0));
        Add("lessthan", (v, o) => JsValues.Compare(v, o, static c => c < 0));
        Add("le", (v, o) => JsValues.Compare(v, o, static c => c <= 0));
        Add("gt", (v, o) => JsValues.Compare(v, o, static c => c > 0));
        Add("greaterthan", (v, o) => JsValues.Compare(v, o, static c => c > 0));
        Add("ge", (v, o) => JsValues.Compare(v, o, static c => c >= 0));
        Add("lower", (v, _) => v is string text && text.ToLowerInvariant() == text);
        Add("upper", (v, _) => v is string text && text.ToUpperInvariant() == text);
        Add("iterable", (v, _) => v is string || JsValues.IsArray(v));
        Add("mapping", (v, _) => JsValues.IsObject(v) && !JsValues.IsFunction(v));
        return tests;
    }
}
