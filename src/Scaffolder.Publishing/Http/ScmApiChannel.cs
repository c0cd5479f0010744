using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Scaffolder.Publishing.Secrets;

namespace Scaffolder.Publishing.Http;

/// <summary>
/// JSON over HTTP to one provider's API root: authentication, a timeout per request, retries of
/// rate-limited and failed requests (only where repeating cannot duplicate an effect), and errors turned
/// into <see cref="ScmApiException"/> with the provider's own explanation and every secret masked.
/// </summary>
internal sealed class ScmApiChannel
{
    private const int MaxErrorBodyChars = 4000;

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly Action<HttpRequestHeaders> _authorize;
    private readonly ScmApiOptions _options;
    private readonly SecretRedactor _redactor;
    private readonly Func<JsonElement, string?> _readErrorMessage;
    private readonly JsonSerializerOptions _json;

    public ScmApiChannel(
        HttpClient http,
        string provider,
        Uri baseUrl,
        Action<HttpRequestHeaders> authorize,
        ScmApiOptions options,
        SecretRedactor redactor,
        Func<JsonElement, string?> readErrorMessage,
        JsonSerializerOptions json)
    {
        _http = http;
        Provider = provider;
        _baseUrl = baseUrl;
        _authorize = authorize;
        _options = options;
        _redactor = redactor;
        _readErrorMessage = readErrorMessage;
        _json = json;
    }

    public string Provider { get; }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var (_, text) = await SendCoreAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<T>(text, _json)
                ?? throw new JsonException("the body is null");
        }
        catch (JsonException e)
        {
            throw Fail(method, path, null, $"returned a response that is not the expected JSON ({e.Message})", null);
        }
    }

    public async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        await SendCoreAsync(method, path, body, cancellationToken).ConfigureAwait(false);

    private async Task<(HttpStatusCode Status, string Body)> SendCoreAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var payload = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), _json);
        var idempotent = method != HttpMethod.Post && method != HttpMethod.Patch;
        for (var attempt = 0; ; attempt++)
        {
            var retriesLeft = attempt < _options.MaxRetries;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.RequestTimeout);
            HttpResponseMessage? response = null;
            string text;
            try
            {
                using var request = CreateRequest(method, path, payload);
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                text = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                if (idempotent && retriesLeft)
                {
                    await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw Fail(method, path, null, $"did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s", null);
            }
            catch (HttpRequestException e)
            {
                response?.Dispose();
                if (idempotent && retriesLeft)
                {
                    await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw Fail(method, path, null, $"could not be reached ({e.Message})", null);
            }
            catch
            {
                response?.Dispose();
                throw;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode && IsJsonOrEmpty(response, text))
                {
                    return (response.StatusCode, text);
                }

                // A 429 was not processed, so even a POST may be repeated; a 5xx POST might have taken effect.
                var retryable = status == 429 || (idempotent && status is 500 or 502 or 503 or 504);
                if (retryable && retriesLeft)
                {
                    await Task.Delay(RetryDelay(response, attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    // Azure DevOps answers a rejected token with 203 and an HTML sign-in page.
                    throw Fail(method, path, status, $"answered {status} {response.ReasonPhrase} with a non-JSON page, which usually means the token was rejected", null);
                }

                var providerMessage = ReadErrorMessage(text);
                throw Fail(method, path, status, $"failed with {status} {response.ReasonPhrase}", providerMessage);
            }
        }
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path, string? payload)
    {
        var request = new HttpRequestMessage(method, new Uri(_baseUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/')));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(_options.UserAgent, null));
        _authorize(request.Headers);
        if (payload is not null)
        {
            request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static bool IsJsonOrEmpty(HttpResponseMessage response, string text) =>
        text.Length == 0
        || response.Content.Headers.ContentType?.MediaType is not { } mediaType
        || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

    private string? ReadErrorMessage(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var message = _readErrorMessage(document.RootElement);
            if (!string.IsNullOrWhiteSpace(message))
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text): show the start of it.
        }

        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length > MaxErrorBodyChars ? flat[..MaxErrorBodyChars] + " …" : flat;
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var requested = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null);
        if (requested is { } delay && delay > TimeSpan.Zero)
        {
            return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
        }

        return Backoff(attempt);
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = TimeSpan.FromTicks(_options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt, 16)));
        delay += TimeSpan.FromTicks((long)(delay.Ticks * 0.2 * Random.Shared.NextDouble()));
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    private ScmApiException Fail(HttpMethod method, string path, int? status, string what, string? providerMessage)
    {
        var shownPath = "/" + path.TrimStart('/');
        var redactedProviderMessage = providerMessage is null ? null : _redactor.Redact(providerMessage);
        var message = $"{Provider} API {method.Method} {shownPath} {what}" + (redactedProviderMessage is null ? "." : $": {redactedProviderMessage}");
        return new ScmApiException(_redactor.Redact(message), Provider, method.Method, _redactor.Redact(shownPath), status, redactedProviderMessage);
    }
}
