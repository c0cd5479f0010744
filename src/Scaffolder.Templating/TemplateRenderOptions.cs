using System.Globalization;
using Scaffolder.Templating.Runtime;

namespace Scaffolder.Templating;

/// <summary>
/// How a template is rendered: safety limits, culture and time zone, the include loader and the
/// host's own global functions and values. Defaults follow Scriban's, plus a wall-clock limit.
/// </summary>
public sealed class TemplateRenderOptions
{
    private RenderSettings? _settings;

    public static TemplateRenderOptions Default { get; } = new();

    /// <summary>Iterations allowed per loop nest (including work inside builtins); 0 disables.</summary>
    public int LoopLimit { get; init; } = 1000;

    /// <summary>Nesting of function calls and includes; 0 disables (the stack is still guarded).</summary>
    public int RecursionLimit { get; init; } = 100;

    /// <summary>Characters a render may produce (also caps strings and collections built on the way); 0 disables.</summary>
    public int OutputLimit { get; init; } = 1_048_576;

    /// <summary>Wall-clock time a render may take; null disables.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed to any single regular expression match in <c>regex.*</c>/<c>html.strip</c>.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Culture for number and date formatting (invariant by default, like Scriban's tests).</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Zone of the wall-clock dates templates see (<c>date.now</c>, parsed offsets); UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Source of the current time for <c>date.now</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Resolves <c>include</c>; without one, <c>include</c> is an error.</summary>
    public ITemplateLoader? Loader { get; init; }

    /// <summary>
    /// Extra globals visible to every template: <see cref="TemplateFunction"/>s or plain values.
    /// They sit between the builtins and the model, read-only.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Globals { get; init; }

    /// <summary>Reading an undefined variable is an error instead of null.</summary>
    public bool StrictVariables { get; init; }

    /// <summary>Maximum nesting when parsing included templates.</summary>
    public int MaxIncludeParseDepth { get; init; } = 250;

    internal RenderSettings ToSettings(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled && _settings is not null)
        {
            return _settings;
        }

        var settings = new RenderSettings
        {
            LoopLimit = LoopLimit,
            RecursionLimit = RecursionLimit,
            OutputLimit = OutputLimit,
            Timeout = Timeout,
            RegexTimeout = RegexTimeout,
            CancellationToken = cancellationToken,
            Culture = Culture,
            TimeZone = TimeZone,
            TimeProvider = TimeProvider,
            Loader = Loader,
            Globals = Globals,
            StrictVariables = StrictVariables,
            ParseDepthLimit = MaxIncludeParseDepth,
        };
        if (!cancellationToken.CanBeCanceled)
        {
            _settings = settings;
        }

        return settings;
    }
}
