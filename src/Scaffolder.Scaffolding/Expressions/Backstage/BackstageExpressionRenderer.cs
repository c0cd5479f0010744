using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Templating;
using Scaffolder.Templating.Backstage;

namespace Scaffolder.Scaffolding.Expressions.Backstage;

/// <summary>
/// Backstage's own expression dialect for template.yaml: each <c>${{ expr }}</c> is a Nunjucks expression
/// (<c>parameters.hostType === 'GitLab'</c>, <c>x if c else y</c>, <c>values.repo.split('/')[1]</c>,
/// <c>parameters.repoUrl | parseRepoUrl</c>), evaluated by <see cref="BackstageExpressionEvaluator"/> with
/// Backstage's typing rules. Repository hosts are looked up in the configured SCM integrations, and the
/// status functions <c>always()</c> and <c>failure()</c> are globals.
/// </summary>
public sealed partial class BackstageExpressionRenderer : ITemplateExpressionRenderer
{
    // A member name no template uses; errors inside the wrapper are reported at the wrapped string's path.
    private const string WrapperKey = "\u0000";

    private readonly Dialect _beforeFailure;
    private readonly Dialect _afterFailure;

    public BackstageExpressionRenderer(ScmIntegrations? integrations = null, TemplateRenderOptions? renderOptions = null)
    {
        var known = integrations ?? ScmIntegrations.Default;
        var limits = renderOptions ?? new TemplateRenderOptions { Timeout = TimeSpan.FromSeconds(5), LoopLimit = 10_000 };
        _beforeFailure = new Dialect(known, limits, failed: false);
        _afterFailure = new Dialect(known, limits, failed: true);
    }

    public TemplatingExtensions Extensions { get; } = BackstageExtensionCatalog.Extensions;

    /// <summary>The evaluator options steps see (filters, integrations, globals), for front ends that share them.</summary>
    public BackstageEvaluatorOptions EvaluatorOptions => _beforeFailure.Options;

    public ExpressionResult Render(JsonNode? value, ExpressionScope scope, string path)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var dialect = scope.PreviousStepFailed ? _afterFailure : _beforeFailure;
        try
        {
            var rendered = RenderTree(value, dialect, scope, path, out var undefined);
            return new ExpressionResult(rendered, undefined, []);
        }
        catch (TemplateRuntimeException e)
        {
            return new ExpressionResult(value?.DeepClone(), false, [ErrorOf(e, value, path)]);
        }
    }

    public ConditionResult Evaluate(JsonNode? condition, ExpressionScope scope, string path)
    {
        ArgumentNullException.ThrowIfNull(scope);

        // Backstage renders only string conditions; any other value skips the step only when it is false.
        if (condition is null || !IsString(condition))
        {
            return new ConditionResult(condition is not JsonValue literal || literal.GetValueKind() != JsonValueKind.False, []);
        }

        var result = Render(condition, scope, path);
        return new ConditionResult(result.Errors.Count == 0 && BackstageExpressionEvaluator.IsTruthy(result.Value), result.Errors);
    }

    public bool RunsAfterFailure(JsonNode? condition) =>
        condition is JsonValue value && value.TryGetValue<string>(out var text)
        && text.Contains("${{", StringComparison.Ordinal) && StatusCall().IsMatch(text);

    /// <summary>
    /// Strings with Nunjucks tags or comments (<c>{% if %}</c> in a <c>debug:log</c> message) are rendered as
    /// whole templates, as Backstage renders every string; the rest go to the expression evaluator, in one
    /// call for any subtree without tags.
    /// </summary>
    private static JsonNode? RenderTree(JsonNode? node, Dialect dialect, ExpressionScope scope, string path, out bool undefined)
    {
        undefined = false;
        if (!HasTags(node))
        {
            if (node is JsonValue && IsString(node))
            {
                // Wrapped, so that a string rendering to nothing can be told from one rendering to JSON null.
                var wrapped = (JsonObject)dialect.Evaluator.Render(new JsonObject { [WrapperKey] = node.DeepClone() }, scope.Context, path, scope.CancellationToken)!;
                undefined = !wrapped.ContainsKey(WrapperKey);
                return undefined ? null : wrapped[WrapperKey]?.DeepClone();
            }

            return dialect.Evaluator.Render(node, scope.Context, path, scope.CancellationToken);
        }

        switch (node)
        {
            case JsonObject obj:
                var renderedObject = new JsonObject();
                foreach (var (key, member) in obj)
                {
                    var rendered = RenderTree(member, dialect, scope, path + "." + key, out var memberUndefined);
                    if (!memberUndefined)
                    {
                        renderedObject[key] = rendered;
                    }
                }

                return renderedObject;
            case JsonArray array:
                var renderedArray = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    renderedArray.Add(RenderTree(array[i], dialect, scope, $"{path}[{i}]", out _));
                }

                return renderedArray;
            default:
                var text = NunjucksTemplate.Parse(node!.GetValue<string>(), path, dialect.Options).Render(scope.Context, scope.CancellationToken);
                undefined = text.Length == 0;
                return undefined ? null : JsonValue.Create(text);
        }
    }

    private static bool HasTags(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(member => HasTags(member.Value)),
        JsonArray array => array.Any(HasTags),
        JsonValue value when value.TryGetValue<string>(out var text) => text.Contains("{%", StringComparison.Ordinal) || text.Contains("{#", StringComparison.Ordinal),
        _ => false,
    };

    private static bool IsString(JsonNode node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    /// <summary>Backstage's integration type names for the hosts of the configured integrations.</summary>
    public static string? IntegrationTypeOf(ScmIntegrations integrations, string host) => integrations.FindByHost(host)?.Type switch
    {
        ScmProviderType.GitHub => "github",
        ScmProviderType.GitLab => "gitlab",
        ScmProviderType.Azure => "azure",
        ScmProviderType.Bitbucket => "bitbucket",
        ScmProviderType.Local => "local",
        _ => null,
    };

    private static ExpressionError ErrorOf(TemplateRuntimeException e, JsonNode? value, string path)
    {
        var where = e.TemplateName.Length > 0 ? e.TemplateName : path;
        if (where.EndsWith("." + WrapperKey, StringComparison.Ordinal))
        {
            where = where[..^(WrapperKey.Length + 1)];
        }

        return new ExpressionError(where, TextAt(value, path, where) ?? string.Empty, e.Line, e.Column, e.Reason);
    }

    /// <summary>The string at <paramref name="where"/> (a path such as <c>input.values[0].name</c>) below <paramref name="root"/>.</summary>
    private static string? TextAt(JsonNode? root, string rootPath, string where)
    {
        if (!where.StartsWith(rootPath, StringComparison.Ordinal))
        {
            return null;
        }

        var node = root;
        foreach (Match step in PathStep().Matches(where[rootPath.Length..]))
        {
            node = step.Groups["key"].Success
                ? (node as JsonObject)?[step.Groups["key"].Value]
                : (node as JsonArray) is { } array && int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < array.Count ? array[i] : null;
        }

        return node is JsonValue text && text.TryGetValue<string>(out var s) ? s : null;
    }

    /// <summary>The evaluator with the status functions answering for one state of the run.</summary>
    private sealed class Dialect
    {
        public Dialect(ScmIntegrations integrations, TemplateRenderOptions limits, bool failed)
        {
            Options = new BackstageEvaluatorOptions
            {
                IntegrationType = host => IntegrationTypeOf(integrations, host),
                Globals = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["always"] = new TemplateFunction([], _ => true),
                    ["failure"] = new TemplateFunction([], _ => failed),
                },
                RenderOptions = limits,
                ThrowOnError = true,
            };
            Evaluator = new BackstageExpressionEvaluator(Options);
        }

        public BackstageEvaluatorOptions Options { get; }

        public BackstageExpressionEvaluator Evaluator { get; }
    }

    [GeneratedRegex(@"\b(always|failure)\s*\(\s*\)")]
    private static partial Regex StatusCall();

    [GeneratedRegex(@"\.(?<key>[^.\[]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
