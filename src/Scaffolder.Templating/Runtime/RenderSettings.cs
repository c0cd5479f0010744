using System.Globalization;

namespace Scaffolder.Templating.Runtime;

/// <summary>The resolved, immutable configuration of a render.</summary>
internal sealed class RenderSettings
{
    public int LoopLimit { get; init; } = 1000;

    public int RecursionLimit { get; init; } = 100;

    public int OutputLimit { get; init; } = 1_048_576;

    public int ObjectNestingLimit { get; init; } = 20;

    public TimeSpan? Timeout { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ITemplateLoader? Loader { get; init; }

    /// <summary>Host-provided globals (functions and values), read-only to templates.</summary>
    public IReadOnlyDictionary<string, object?>? Globals { get; init; }

    public bool StrictVariables { get; init; }

    public bool AutoIndent { get; init; } = true;

    public bool IndentOnEmptyLines { get; init; } = true;

    public string NewLine { get; init; } = "\n";

    public int ParseDepthLimit { get; init; } = 250;

    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The language's rules for the dialect being rendered.</summary>
    public LanguageSemantics Semantics { get; init; } = LanguageSemantics.Scriban;
}
