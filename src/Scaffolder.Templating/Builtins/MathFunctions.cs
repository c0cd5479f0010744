using System.Globalization;
using System.Numerics;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Builtins;

/// <summary>The <c>math</c> builtin object.</summary>
internal static class MathFunctions
{
    public static BuiltinObject Create() => new BuiltinObject("math")
        .Function("abs", Abs, P.Any("value"))
        .Function("ceil", (c, s, a) => Math.Ceiling(Args.Double(a, 0)), P.Double("value"))
        .Function("divided_by", DividedBy, P.Double("value"), P.Any("divisor"))
        .Function("floor", (c, s, a) => Math.Floor(Args.Double(a, 0)), P.Double("value"))
        .Function("format", Format, P.Any("value"), P.Text("format"), P.Text("culture", null))
        .Function("is_number", (c, s, a) => Box.Bool(IsNumber(a[0])), P.Any("value"))
        .Function("minus", (c, s, a) => Operators.Binary(c, s, BinaryOperator.Subtract, s, a[0], s, a[1]), P.Any("value"), P.Any("with"))
        .Function("modulo", (c, s, a) => Operators.Binary(c, s, BinaryOperator.Modulus, s, a[0], s, a[1]), P.Any("value"), P.Any("with"))
        .Function("plus", (c, s, a) => Operators.Binary(c, s, BinaryOperator.Add, s, a[0], s, a[1]), P.Any("value"), P.Any("with"))
        .Function("random", Random, P.Int("minValue"), P.Int("maxValue"))
        .Function("round", (c, s, a) => Math.Round(Args.Double(a, 0), Math.Clamp(Args.Int(a, 1), 0, 15)), P.Double("value"), P.Int("precision", 0))
        .Function("times", (c, s, a) => Operators.Binary(c, s, BinaryOperator.Multiply, s, a[0], s, a[1]), P.Any("value"), P.Any("with"))
        .Function("uuid", (c, s, a) => Guid.NewGuid().ToString());

    public static bool IsNumber(object? value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger;

    private static object? Abs(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a) => a[0] switch
    {
        null => null,
        int i => i == int.MinValue ? -(long)i : Box.Int(Math.Abs(i)),
        float f => Math.Abs(f),
        double d => Math.Abs(d),
        long l => l == long.MinValue ? BigInteger.Abs(l) : Math.Abs(l),
        decimal m => Math.Abs(m),
        BigInteger big => BigInteger.Abs(big),
        var value when Operators.IsPrimitive(value) => value,
        var value => throw new TemplateRuntimeException(span, $"The value `{context.ToText(value)}` is not a number"),
    };

    private static object? DividedBy(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        var divisor = a[1];
        var result = Operators.Binary(context, span, BinaryOperator.Divide, span, a[0], span, divisor);
        if (divisor is int)
        {
            return result switch
            {
                double d => Box.Int((int)Math.Floor(d)),
                float f => Box.Int((int)Math.Floor(f)),
                _ => result,
            };
        }

        return result;
    }

    private static object? Format(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not { } value)
        {
            return string.Empty;
        }

        if (!IsNumber(value) || value is not IFormattable formattable)
        {
            throw new TemplateRuntimeException(span, $"Unexpected `{context.ToText(value)}`. Must be a formattable number");
        }

        return formattable.ToString(Args.Text(a, 1) ?? string.Empty, Cultures.Resolve(Args.Text(a, 2), context));
    }

    private static object? Random(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        var min = Args.Int(a, 0);
        var max = Args.Int(a, 1);
        if (min > max)
        {
            throw new TemplateRuntimeException(span, "minValue must be greater than maxValue");
        }

        return Box.Int(System.Random.Shared.Next(min, max));
    }
}

internal static class Cultures
{
    /// <summary>A named .NET culture for builtins that accept one, else the render's culture.</summary>
    public static CultureInfo Resolve(string? name, RenderContext context)
    {
        if (name is null)
        {
            return context.Culture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            throw new InvalidOperationException($"Culture is not supported. (Parameter 'name') {name} is an invalid culture identifier.");
        }
    }
}
