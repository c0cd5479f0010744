using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Templating.Builtins.Nunjucks;
using Scaffolder.Templating.Parsing.Nunjucks;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Runtime.JavaScript;
using Scaffolder.Templating.Runtime.Nunjucks;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Backstage;

/// <summary>
/// Renders Backstage's <c>${{ expr }}</c> expressions in template.yaml values (step inputs, <c>if</c>,
/// <c>each</c>, output) the way Backstage's scaffolder does, on this engine's runtime with
/// JavaScript value rules:
/// <list type="bullet">
/// <item>a string that is exactly one <c>${{ }}</c> keeps the value's JSON type (objects, arrays, numbers, booleans, null);</item>
/// <item>other strings render to text; a string rendering to nothing becomes undefined (its key is dropped);</item>
/// <item>a string whose rendering fails is kept unchanged (unless <see cref="BackstageEvaluatorOptions.ThrowOnError"/>).</item>
/// </list>
/// Thread-safe; one instance can serve any number of concurrent renders.
/// </summary>
public sealed class BackstageExpressionEvaluator
{
    private readonly BackstageEvaluatorOptions _options;
    private readonly Dictionary<string, object?> _globals;
    private readonly Func<string, bool> _isFilter;
    private readonly Func<string, bool> _isTest;

    public BackstageExpressionEvaluator(BackstageEvaluatorOptions? options = null)
    {
        _options = options ?? BackstageEvaluatorOptions.Default;
        _globals = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in _options.Globals ?? new Dictionary<string, object?>())
        {
            _globals[name] = value;
        }

        foreach (var (name, filter) in NunjucksFilters.All)
        {
            _globals[NunjucksExpressionParser.FilterPrefix + name] = filter;
        }

        foreach (var (name, filter) in BackstageFilters.Create(_options.IntegrationType ?? BackstageFilters.DefaultIntegrationType))
        {
            _globals[NunjucksExpressionParser.FilterPrefix + name] = filter;
        }

        foreach (var (name, filter) in _options.Filters ?? new Dictionary<string, TemplateFunction>())
        {
            _globals[NunjucksExpressionParser.FilterPrefix + name] = filter;
        }

        foreach (var (name, test) in NunjucksTests.All)
        {
            _globals[NunjucksExpressionParser.TestPrefix + name] = test;
        }

        _isFilter = name => _globals.ContainsKey(NunjucksExpressionParser.FilterPrefix + name);
        _isTest = name => _globals.ContainsKey(NunjucksExpressionParser.TestPrefix + name);
    }

    /// <summary>
    /// Renders every string in <paramref name="input"/> (recursively through objects and arrays)
    /// against <paramref name="context"/> (<c>parameters</c>, <c>steps</c>, <c>user</c>, <c>secrets</c>,
    /// <c>each</c>...). Returns a new tree; the input is not modified. Object members that render to
    /// undefined are left out, array items become null, and an undefined result at the top is null.
    /// </summary>
    /// <param name="name">Names the value in error messages; nested values extend it (<c>input.repoUrl</c>).</param>
    /// <exception cref="TemplateRuntimeException">A failure, only with <see cref="BackstageEvaluatorOptions.ThrowOnError"/>.</exception>
    /// <exception cref="TemplateLimitExceededException">A safety limit (output size, time) was exceeded.</exception>
    public JsonNode? Render(JsonNode? input, JsonObject context, string name = "input", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = new Run(this, context, cancellationToken);
        return run.TryRender(input, name, out var result) ? result : null;
    }

    /// <summary>
    /// Evaluates one expression written without delimiters (<c>parameters.name | lower</c>) and returns
    /// its JSON value (undefined as null).
    /// </summary>
    /// <exception cref="TemplateRuntimeException">A syntax or evaluation error, with its location.</exception>
    public JsonNode? EvaluateExpression(string expression, JsonObject context, string name = "expression", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(context);
        var parser = new NunjucksExpressionParser(expression, name, _options.MaxDepth, _isFilter, _isTest);
        Expression parsed;
        try
        {
            parsed = parser.ParseExpression(new TextPosition(0, 0, 0), delimited: false, out _, out _);
        }
        catch (NunjucksSyntaxException ex)
        {
            throw new TemplateRuntimeException(new SourceSpan(name, ex.Position, ex.Position), ex.Message);
        }

        var run = new Run(this, context, cancellationToken);
        return JsJson.TryToJsonNode(run.Evaluate([parsed], name)[0], out var node) ? node : null;
    }

    /// <summary>
    /// Backstage's truthiness of a rendered <c>if</c>: false for false, null/undefined, "", 0 and
    /// empty arrays; true otherwise (including the string "false" and empty objects).
    /// </summary>
    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject => true,
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => scalar.GetValue<string>().Length > 0,
            JsonValueKind.Number => JsValues.IsTruthy(JsValues.ToNumber(ObjectAccess.FromHost(scalar))),
            _ => true,
        },
        _ => true,
    };

    /// <summary>One call's state: the converted context, settings and the time limit over all its strings.</summary>
    private sealed class Run
    {
        private readonly BackstageExpressionEvaluator _owner;
        private readonly object? _model;
        private readonly RenderSettings _settings;
        private readonly CancellationToken _cancellationToken;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public Run(BackstageExpressionEvaluator owner, JsonObject context, CancellationToken cancellationToken)
        {
            _owner = owner;
            _model = JsJson.FromJsonNode(context);
            _cancellationToken = cancellationToken;
            _settings = owner._options.RenderOptions.ToSettings(cancellationToken, LanguageSemantics.JavaScriptLike, owner._globals);
        }

        public bool TryRender(JsonNode? node, string path, out JsonNode? result)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case JsonObject obj:
                    var renderedObject = new JsonObject();
                    foreach (var (key, member) in obj)
                    {
                        if (TryRender(member, path + "." + key, out var value))
                        {
                            renderedObject[key] = value;
                        }
                    }

                    result = renderedObject;
                    return true;
                case JsonArray array:
                    var renderedArray = new JsonArray();
                    for (var i = 0; i < array.Count; i++)
                    {
                        TryRender(array[i], $"{path}[{i}]", out var item);
                        renderedArray.Add(item);
                    }

                    result = renderedArray;
                    return true;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    return TryRenderString(value.GetValue<string>(), path, out result);
                default:
                    result = node?.DeepClone();
                    return true;
            }
        }

        private bool TryRenderString(string text, string name, out JsonNode? result)
        {
            CheckTime(name);
            try
            {
                return RenderString(text, name, out result);
            }
            catch (TemplateRuntimeException ex) when (!_owner._options.ThrowOnError && ex is not TemplateLimitExceededException)
            {
                _owner._options.OnError?.Invoke(text, ex);
                result = JsonValue.Create(text);
                return true;
            }
        }

        private bool RenderString(string text, string name, out JsonNode? result)
        {
            if (NunjucksTemplateParser.ContainsTagOrComment(text))
            {
                // Backstage renders every string as a whole template: tags work without any ${{ }}.
                return RenderTemplate(text, name, out result);
            }

            if (!NunjucksInterpolation.ContainsVariable(text))
            {
                result = text.Length == 0 ? null : JsonValue.Create(text);
                return text.Length > 0;
            }

            var options = _owner._options;
            var parsed = NunjucksInterpolation.Parse(text, name, options.MaxDepth, _owner._isFilter, _owner._isTest);
            if (parsed.Error is { } error)
            {
                throw new TemplateRuntimeException(error.Span, error.Message);
            }

            // Backstage rewrites a lone `${{ x }}` to `${{ (x) | dump }}` and parses the JSON back, but its
            // rewrite only matches single-line expressions, and a failure falls back to plain rendering.
            var single = parsed.SingleExpressionSource;
            if (single is not null && single.IndexOfAny(['\n', '\r', '\u2028', '\u2029']) < 0)
            {
                try
                {
                    return JsJson.TryToJsonNode(Evaluate(parsed.Parts, name)[0], out result);
                }
                catch (TemplateRuntimeException ex) when (ex is not TemplateLimitExceededException)
                {
                    // Rendered again as text below, which reports the failure the way Backstage does.
                }
            }

            var rendered = RenderText(parsed, name);
            if (rendered.Length == 0)
            {
                result = null;
                return false;
            }

            if (single is not null)
            {
                try
                {
                    result = JsonNode.Parse(rendered);
                    return true;
                }
                catch (JsonException)
                {
                    // Not JSON: stays text.
                }
            }

            result = JsonValue.Create(rendered);
            return true;
        }

        private bool RenderTemplate(string text, string name, out JsonNode? result)
        {
            var options = _owner._options;
            var parser = new NunjucksTemplateParser(text, name, options.MaxDepth, _owner._isFilter, _owner._isTest, options.TrimBlocks, options.LstripBlocks);
            var body = parser.Parse(out var error);
            if (error is not null)
            {
                throw new TemplateRuntimeException(error.Span, error.Message);
            }

            var rendered = NunjucksRenderer.Render(body, _settings, name, _model);
            result = rendered.Length == 0 ? null : JsonValue.Create(rendered);
            return rendered.Length > 0;
        }

        /// <summary>Nunjucks output: literal text and values, null and undefined printing as nothing.</summary>
        private string RenderText(NunjucksInterpolation parsed, string name)
        {
            var values = Evaluate(parsed.Parts, name);
            var builder = new StringBuilder();
            for (var i = 0; i < parsed.Parts.Count; i++)
            {
                var part = parsed.Parts[i];
                if (part is string text)
                {
                    builder.Append(text);
                }
                else if (!JsValues.IsNullish(values[i]))
                {
                    builder.Append(JsValues.ToJsString(values[i]));
                }

                if (_settings.OutputLimit > 0 && builder.Length > _settings.OutputLimit)
                {
                    throw new TemplateLimitExceededException(
                        ((Expression?)parsed.Parts.LastOrDefault(p => p is Expression))?.Span ?? new SourceSpan(name, new TextPosition(0, 0, 0), new TextPosition(0, 0, 0)),
                        $"Exceeding the output size limit `{_settings.OutputLimit}`.");
                }
            }

            return builder.ToString();
        }

        /// <summary>Evaluates the expressions among <paramref name="parts"/> in one render context.</summary>
        public object?[] Evaluate(IReadOnlyList<object> parts, string name)
        {
            var values = new object?[parts.Count];
            var context = RenderContext.Rent(_settings, name);
            try
            {
                context.SetModel(_model);
                for (var i = 0; i < parts.Count; i++)
                {
                    if (parts[i] is Expression expression)
                    {
                        values[i] = context.EvaluateTopLevel(expression);
                    }
                }
            }
            finally
            {
                RenderContext.Return(context);
            }

            return values;
        }

        private void CheckTime(string name)
        {
            if (_settings.Timeout is { } timeout && timeout > TimeSpan.Zero && _clock.Elapsed > timeout)
            {
                throw new TemplateLimitExceededException(
                    new SourceSpan(name, new TextPosition(0, 0, 0), new TextPosition(0, 0, 0)),
                    $"Exceeding the render time limit of {timeout.TotalMilliseconds:0} ms.");
            }
        }
    }
}
