namespace Scaffolder.Templating.Runtime;

/// <summary>
/// The points where template dialects sharing this runtime differ. Scriban's rules are the default;
/// a Nunjucks-style dialect (Backstage expressions) swaps truthiness and null handling.
/// </summary>
internal sealed class LanguageSemantics
{
    public static readonly LanguageSemantics Scriban = new();

    /// <summary>JavaScript-like rules used by Backstage <c>${{ }}</c> expressions.</summary>
    public static readonly LanguageSemantics JavaScriptLike = new()
    {
        FalsyEmptyValues = true,
        RelaxedTargetAccess = true,
        RelaxedFunctionAccess = false,
    };

    /// <summary>When true, <c>0</c>, <c>""</c>, NaN and empty arrays are false (JavaScript/Nunjucks).</summary>
    public bool FalsyEmptyValues { get; init; }

    /// <summary>Member or index access on null yields null instead of failing.</summary>
    public bool RelaxedTargetAccess { get; init; }

    /// <summary>Missing member yields null instead of failing.</summary>
    public bool RelaxedMemberAccess { get; init; } = true;

    /// <summary>Out-of-range index yields null instead of failing.</summary>
    public bool RelaxedIndexerAccess { get; init; } = true;

    /// <summary>Calling a missing function yields null instead of failing.</summary>
    public bool RelaxedFunctionAccess { get; init; }
}
