using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime;

/// <summary>
/// The points where template dialects sharing this runtime differ. Scriban's rules are the default;
/// a Nunjucks-style dialect (Backstage expressions) plugs in JavaScript's values and operators.
/// </summary>
internal sealed class LanguageSemantics
{
    public static readonly LanguageSemantics Scriban = new();

    /// <summary>JavaScript rules used by Backstage <c>${{ }}</c> expressions (Nunjucks compiles to JavaScript).</summary>
    public static readonly LanguageSemantics JavaScriptLike = new()
    {
        RelaxedTargetAccess = true,
        RelaxedFunctionAccess = false,
        IncludeBuiltins = false,
        NegativeIndexFromEnd = false,
        JavaScriptCalls = true,
        Rules = JavaScript.JavaScriptRules.Instance,
    };

    /// <summary>Member or index access on null yields null instead of failing.</summary>
    public bool RelaxedTargetAccess { get; init; }

    /// <summary>Missing member yields null instead of failing.</summary>
    public bool RelaxedMemberAccess { get; init; } = true;

    /// <summary>Out-of-range index yields null instead of failing.</summary>
    public bool RelaxedIndexerAccess { get; init; } = true;

    /// <summary>Calling a missing function yields null instead of failing.</summary>
    public bool RelaxedFunctionAccess { get; init; }

    /// <summary>A negative index counts from the end (<c>list[-1]</c>); otherwise it reads nothing.</summary>
    public bool NegativeIndexFromEnd { get; init; } = true;

    /// <summary>
    /// Calling anything but a function fails the way Nunjucks' <c>callWrap</c> does, naming the callee
    /// (<c>Unable to call `values["x"]["split"]`, which is undefined or falsey</c>).
    /// </summary>
    public bool JavaScriptCalls { get; init; }

    /// <summary>Scriban's builtin objects (<c>string</c>, <c>date</c>...) are visible as globals.</summary>
    public bool IncludeBuiltins { get; init; } = true;

    /// <summary>Value rules replacing Scriban's (null keeps Scriban's); see <see cref="IDialectRules"/>.</summary>
    public IDialectRules? Rules { get; init; }
}

/// <summary>
/// Value semantics of a dialect whose values do not behave like Scriban's: truthiness, operators and
/// the members every value has (JavaScript's <c>"text".length</c>).
/// </summary>
internal interface IDialectRules
{
    /// <summary>Truthiness of a value that is neither null nor a boolean.</summary>
    bool IsTruthy(object value);

    /// <summary>A binary operator other than the short-circuiting <c>and</c>/<c>or</c>.</summary>
    object? Binary(RenderContext context, BinaryExpression node, object? left, object? right);

    /// <summary>A unary operator other than the function alias <c>@</c>.</summary>
    object? Unary(RenderContext context, UnaryExpression node, object? operand);

    /// <summary>A member the value has by nature (string and array methods) when it has no such key.</summary>
    bool TryGetIntrinsicMember(object target, string name, out object? value);
}
