namespace Scaffolder.Templating.Backstage;

/// <summary>Configuration of <see cref="BackstageExpressionEvaluator"/>.</summary>
public sealed class BackstageEvaluatorOptions
{
    public static BackstageEvaluatorOptions Default { get; } = new();

    /// <summary>
    /// Filters added to the standard and Backstage ones (<c>x | name</c>, <c>x | name(a, b)</c>): the
    /// filtered value is the function's first argument. A name here replaces a built-in filter.
    /// </summary>
    public IReadOnlyDictionary<string, TemplateFunction>? Filters { get; init; }

    /// <summary>Global functions and values (Backstage's <c>always()</c>/<c>failure()</c>, extension globals), shadowed by the context.</summary>
    public IReadOnlyDictionary<string, object?>? Globals { get; init; }

    /// <summary>
    /// The SCM integration type (<c>github</c>, <c>gitlab</c>, <c>bitbucket</c>, <c>azure</c>,
    /// <c>gitea</c>, <c>gerrit</c>...) configured for a repository host, or null when none is;
    /// <c>parseRepoUrl</c> and <c>projectSlug</c> reject hosts without one. Defaults to the public
    /// github.com, gitlab.com, bitbucket.org and dev.azure.com.
    /// </summary>
    public Func<string, string?>? IntegrationType { get; init; }

    /// <summary>Limits applied to each evaluation (output size, time, recursion, cancellation granularity).</summary>
    public TemplateRenderOptions RenderOptions { get; init; } = TemplateRenderOptions.Default;

    /// <summary>Nunjucks' <c>trimBlocks</c> (a <c>fetch:template</c> input): the first newline after a tag is removed.</summary>
    public bool TrimBlocks { get; init; }

    /// <summary>Nunjucks' <c>lstripBlocks</c> (a <c>fetch:template</c> input): whitespace before a tag at the start of its line is removed.</summary>
    public bool LstripBlocks { get; init; }

    /// <summary>Maximum nesting of an expression; deeper input is a syntax error rather than a risk to the stack.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>
    /// Backstage keeps a string unchanged when rendering it fails; with this set, <c>Render</c> throws
    /// the <see cref="TemplateRuntimeException"/> instead.
    /// </summary>
    public bool ThrowOnError { get; init; }

    /// <summary>Told about every string kept unchanged because rendering it failed (Backstage logs these).</summary>
    public Action<string, TemplateRuntimeException>? OnError { get; init; }
}
