using System.Net;
using Scaffolder.Common.Errors;

namespace Scaffolder.Catalog.Ingestion;

/// <summary>
/// Reads <c>url</c> locations over HTTP(S), only from hosts on the allow-list. Redirects are
/// followed by hand so each hop is checked against the allow-list too.
/// </summary>
public sealed class UrlLocationReader(HttpClient httpClient, LocationReaderOptions options, IEnumerable<IUrlContentReader>? contentReaders = null)
    : ILocationReader
{
    private readonly IReadOnlyList<IUrlContentReader> _contentReaders = contentReaders?.ToList() ?? [];

    private const int MaxRedirects = 5;

    public string Type => "url";

    public async Task<string> ReadAsync(string target, CancellationToken cancellationToken)
    {
        var url = ParseUrl(target);
        if (_contentReaders.FirstOrDefault(r => r.CanRead(url)) is { } contentReader)
        {
            return await contentReader.ReadAsync(url, cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.UrlTimeout);
        for (var hop = 0; ; hop++)
        {
            EnsureAllowed(url, target);
            HttpResponseMessage response;
            try
            {
                response = await httpClient.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (HttpRequestException e)
            {
                throw new InputError($"Could not read {target}: {e.Message}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InputError($"Could not read {target}: no answer within {options.UrlTimeout.TotalSeconds:0} seconds");
            }

            using (response)
            {
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop >= MaxRedirects)
                    {
                        throw new InputError($"Could not read {target}: more than {MaxRedirects} redirects");
                    }

                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    throw new NotFoundError($"Could not read {target}: 404 Not Found");
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new InputError($"Could not read {target}: {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                return await ReadLimitedAsync(response, target, timeout.Token);
            }
        }
    }

    public string ResolveRelative(string baseTarget, string relativeTarget) =>
        new Uri(ParseUrl(baseTarget), relativeTarget).ToString();

    public void ValidateTarget(string target)
    {
        var url = ParseUrl(target);
        if (!_contentReaders.Any(r => r.CanRead(url)))
        {
            EnsureAllowed(url, target);
        }
    }

    private Uri ParseUrl(string target)
    {
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps && !_contentReaders.Any(r => r.CanRead(url))))
        {
            throw new InputError($"Invalid url location target \"{target}\"; expected an absolute http(s) URL");
        }

        return url;
    }

    private void EnsureAllowed(Uri url, string target)
    {
        var hostAndPort = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        var allowed = options.AllowedHosts.Any(pattern =>
            string.Equals(pattern, hostAndPort, StringComparison.OrdinalIgnoreCase)
            || string.Equals(pattern, url.Host, StringComparison.OrdinalIgnoreCase) && url.IsDefaultPort
            || pattern.StartsWith("*.", StringComparison.Ordinal) && url.Host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase));
        if (!allowed)
        {
            throw new NotAllowedError(
                $"Reading from '{target}' is not allowed. Add the host '{hostAndPort}' to Catalog:Locations:AllowedHosts in the configuration to allow it");
        }
    }

    private async Task<string> ReadLimitedAsync(HttpResponseMessage response, string target, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > options.MaxBytes)
        {
            throw new InputError($"Could not read {target}: it is larger than {options.MaxBytes} bytes");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
            {
                throw new InputError($"Could not read {target}: it is larger than {options.MaxBytes} bytes");
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
