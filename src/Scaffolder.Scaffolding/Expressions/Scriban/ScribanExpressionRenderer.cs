using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Templating;

namespace Scaffolder.Scaffolding.Expressions.Scriban;

/// <summary>
/// The expression dialect of this release: each <c>${{ expr }}</c> is a Scriban expression (so
/// <c>parameters.name | string.downcase</c>, <c>steps['fetch'].output.x</c>, <c>a == 'b' &amp;&amp; c</c>),
/// evaluated by <see cref="Template"/> with Backstage's filters (<c>parseRepoUrl</c>, <c>projectSlug</c>,
/// <c>parseEntityRef</c>, <c>pick</c>) and status functions (<c>always()</c>, <c>failure()</c>) as globals.
/// </summary>
public sealed partial class ScribanExpressionRenderer : ITemplateExpressionRenderer
{
    private const int MaxCachedExpressions = 4096;
    private const int MaxDepth = 64;

    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);
    private readonly TemplateRenderOptions _beforeFailure;
    private readonly TemplateRenderOptions _afterFailure;

    public ScribanExpressionRenderer(ScmIntegrations? integrations = null)
    {
        var filters = new BackstageFilters(integrations ?? ScmIntegrations.Default);
        var functions = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["parseRepoUrl"] = TemplateFunction.Create(value => filters.ParseRepoUrl(HostJson.Text(value))),
            ["projectSlug"] = TemplateFunction.Create(value => filters.ProjectSlug(HostJson.Text(value))),
            ["parseEntityRef"] = new TemplateFunction(
                [new TemplateParameter("value"), new TemplateParameter("options") { IsOptional = true }],
                arguments => BackstageFilters.ParseEntityRef(HostJson.Text(arguments[0]), HostJson.From(arguments[1]))),
            ["pick"] = TemplateFunction.Create((value, path) => BackstageFilters.Pick(HostJson.From(value), HostJson.Text(path))),
            ["always"] = new TemplateFunction([], _ => true),
        };
        _beforeFailure = Options(functions, failed: false);
        _afterFailure = Options(functions, failed: true);
        Extensions = new TemplatingExtensions(
            BackstageFilters.Documentation,
            new Dictionary<string, TemplatingExtension>(StringComparer.Ordinal)
            {
                ["always"] = new("Always true: a step whose if calls it runs even after an earlier step failed.", null, [new TemplatingExample("Clean up whatever happened", "if: ${{ always() }}")]),
                ["failure"] = new("True when an earlier step of the task failed: a step whose if calls it runs after a failure.", null, [new TemplatingExample("Report a failure", "if: ${{ failure() }}")]),
            },
            new Dictionary<string, JsonNode?>(StringComparer.Ordinal));
    }

    public TemplatingExtensions Extensions { get; }

    public ExpressionResult Render(JsonNode? value, ExpressionScope scope, string path)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new List<ExpressionError>();
        var rendered = RenderNode(value, scope, path, errors, 0, out var undefined);
        return new ExpressionResult(undefined ? null : rendered, undefined, errors);
    }

    public ConditionResult Evaluate(JsonNode? condition, ExpressionScope scope, string path)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (condition is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var result = Render(condition, scope, path);
            return new ConditionResult(result.Errors.Count == 0 && !result.IsUndefined && JsValues.IsTruthy(result.Value), result.Errors);
        }

        return new ConditionResult(JsValues.IsTruthy(condition), []);
    }

    public bool RunsAfterFailure(JsonNode? condition) =>
        condition is JsonValue value && value.TryGetValue<string>(out var text) && ExpressionText.HasExpressions(text) && StatusCall().IsMatch(text);

    private JsonNode? RenderNode(JsonNode? node, ExpressionScope scope, string path, List<ExpressionError> errors, int depth, out bool undefined)
    {
        undefined = false;
        if (depth > MaxDepth)
        {
            errors.Add(new ExpressionError(path, string.Empty, $"value is nested more than {MaxDepth} levels deep"));
            return node?.DeepClone();
        }

        switch (node)
        {
            case JsonObject obj:
                var renderedObject = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    var renderedChild = RenderNode(child, scope, $"{path}.{key}", errors, depth + 1, out var childUndefined);
                    if (!childUndefined)
                    {
                        renderedObject[key] = renderedChild;
                    }
                }

                return renderedObject;
            case JsonArray array:
                var renderedArray = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    // An item that renders to nothing leaves a hole, which JSON writes as null.
                    renderedArray.Add(RenderNode(array[i], scope, $"{path}[{i}]", errors, depth + 1, out _));
                }

                return renderedArray;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return RenderString(value.GetValue<string>(), scope, path, errors, out undefined);
            default:
                return node?.DeepClone();
        }
    }

    private JsonNode? RenderString(string text, ExpressionScope scope, string path, List<ExpressionError> errors, out bool undefined)
    {
        // Like Backstage, any string that renders empty (a literal "" included) is left out.
        undefined = text.Length == 0;
        if (undefined)
        {
            return null;
        }

        if (!ExpressionText.HasExpressions(text))
        {
            return JsonValue.Create(text);
        }

        if (!ExpressionText.TrySplit(text, out var segments, out var splitError))
        {
            errors.Add(new ExpressionError(path, text, splitError!));
            return JsonValue.Create(text);
        }

        if (segments is [{ IsExpression: true } single])
        {
            if (!TryEvaluate(single.Text, scope, out var value, out var error))
            {
                errors.Add(new ExpressionError(path, single.Text, error!));
                return JsonValue.Create(text);
            }

            undefined = value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0);
            return undefined ? null : value;
        }

        var output = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            if (!segment.IsExpression)
            {
                output.Append(segment.Text);
                continue;
            }

            if (!TryEvaluate(segment.Text, scope, out var value, out var error))
            {
                errors.Add(new ExpressionError(path, segment.Text, error!));
                return JsonValue.Create(text);
            }

            output.Append(JsValues.ToText(value));
        }

        undefined = output.Length == 0;
        return undefined ? null : JsonValue.Create(output.ToString());
    }

    private bool TryEvaluate(string expression, ExpressionScope scope, out JsonNode? value, out string? error)
    {
        value = null;
        if (expression.Length == 0)
        {
            error = "the expression is empty";
            return false;
        }

        var template = Parse(expression);
        if (template.HasErrors)
        {
            error = "syntax error: " + string.Join("; ", template.Messages.Select(m => Describe(m.ToString())));
            return false;
        }

        try
        {
            var json = template.Render(scope.Context, scope.PreviousStepFailed ? _afterFailure : _beforeFailure, scope.CancellationToken);
            value = json.Length == 0 ? null : JsonNode.Parse(json);
            error = null;
            return true;
        }
        catch (OperationCanceledException) when (scope.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is TemplateRuntimeException or ExpressionFunctionException or InvalidOperationException or ArgumentException or JsonException or FormatException or OverflowException or TimeoutException or OperationCanceledException)
        {
            error = Describe(Innermost(e).Message);
            return false;
        }
    }

    private Template Parse(string expression)
    {
        if (_parsed.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        if (_parsed.Count >= MaxCachedExpressions)
        {
            _parsed.Clear();
        }

        // Parenthesised so filters and operators bind inside; to_json keeps the value's JSON type.
        return _parsed.GetOrAdd(expression, e => Template.Parse("{{ (" + e + ") | object.to_json }}", "expression"));
    }

    private static Exception Innermost(Exception e) => e is ExpressionFunctionException || e.InnerException is null ? e : Innermost(e.InnerException);

    // Messages carry the position inside the wrapped expression; the expression itself is reported beside them.
    private static string Describe(string message) => SourcePosition().Replace(message, string.Empty).Trim();

    private static TemplateRenderOptions Options(Dictionary<string, object?> functions, bool failed) => new()
    {
        Globals = new Dictionary<string, object?>(functions, StringComparer.Ordinal) { ["failure"] = new TemplateFunction([], _ => failed) },
        Timeout = TimeSpan.FromSeconds(5),
        LoopLimit = 10_000,
    };

    [GeneratedRegex(@"\b(always|failure)\s*\(\s*\)")]
    private static partial Regex StatusCall();

    [GeneratedRegex(@"^expression\(\d+,\d+\)\s*:\s*error\s*:\s*")]
    private static partial Regex SourcePosition();
}
