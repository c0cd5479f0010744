using System.Net;
using System.Net.Http.Headers;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Fetching;

/// <summary>
/// Brings what a <c>fetch:*</c> <c>url</c> names onto this machine. Folders come from this machine or
/// from a <c>.tar.gz</c> archive over HTTP(S) (a single top-level folder in it is stripped, as in
/// GitHub and GitLab archives); files from this machine or any HTTP(S) URL on an allowed host.
/// Downloads are bounded in time and size; redirects are followed only to allowed hosts.
/// </summary>
/// <param name="http">A client that does not follow redirects by itself (each hop is checked here).</param>
public sealed class ContentFetcher(HttpClient http, FetchOptions options)
{
    private const int MaxRedirects = 5;

    public FetchUrlResolver Resolver { get; } = new(options);

    public FetchOptions Options => options;

    /// <summary>The folder named by <paramref name="url"/> (input <paramref name="inputName"/>).</summary>
    public async Task<FetchedContent> FetchFolderAsync(string url, TemplateInfo template, string? token, StepInput input, CancellationToken cancellationToken, string inputName = "url")
    {
        var location = Resolver.Resolve(url, template, input, inputName);
        if (location is LocalFetchLocation local)
        {
            if (File.Exists(local.Path))
            {
                throw input.Error(inputName, $"'{url}' is a file ({local.Path}), but a folder is needed here");
            }

            return Directory.Exists(local.Path)
                ? FetchedContent.Local(local.Path)
                : throw input.Error(inputName, $"'{url}' does not exist ({local.Path})");
        }

        var remote = (RemoteFetchLocation)location;
        var bytes = await DownloadAsync(remote.Url, token, input, inputName, cancellationToken);
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
        {
            throw input.Error(inputName, $"'{remote.Display}' is not a .tar.gz archive; over http(s) a folder can only be fetched as a .tar.gz archive");
        }

        var temporary = FetchedContent.CreateTemporaryRoot();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            await ArchiveExtractor.ExtractTarGzAsync(stream, temporary, options, remote.Display, cancellationToken);
            return FetchedContent.Temporary(ArchiveExtractor.ContentRoot(temporary), temporary);
        }
        catch
        {
            FetchedContent.Temporary(temporary, temporary).Dispose();
            throw;
        }
    }

    /// <summary>The file named by <paramref name="url"/> (input <paramref name="inputName"/>).</summary>
    public async Task<FetchedContent> FetchFileAsync(string url, TemplateInfo template, string? token, StepInput input, CancellationToken cancellationToken, string inputName = "url")
    {
        var location = Resolver.Resolve(url, template, input, inputName);
        if (location is LocalFetchLocation local)
        {
            if (Directory.Exists(local.Path))
            {
                throw input.Error(inputName, $"'{url}' is a folder ({local.Path}), but a file is needed here");
            }

            return File.Exists(local.Path)
                ? FetchedContent.Local(local.Path)
                : throw input.Error(inputName, $"'{url}' does not exist ({local.Path})");
        }

        var remote = (RemoteFetchLocation)location;
        var bytes = await DownloadAsync(remote.Url, token, input, inputName, cancellationToken);
        var temporary = FetchedContent.CreateTemporaryRoot();
        var file = Path.Combine(temporary, "content");
        await File.WriteAllBytesAsync(file, bytes, cancellationToken);
        return FetchedContent.Temporary(file, temporary);
    }

    private async Task<byte[]> DownloadAsync(Uri url, string? token, StepInput input, string inputName, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.DownloadTimeout);
        var shown = new RemoteFetchLocation(url).Display;
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (!Resolver.IsAllowedHost(current))
            {
                throw input.Error(inputName, $"'{shown}' redirects to {current.Host}, which is not in {FetchOptions.SectionName}:AllowedHosts");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            if (!string.IsNullOrEmpty(token) && string.Equals(current.Authority, url.Authority, StringComparison.OrdinalIgnoreCase))
            {
                // The token belongs to the host the template named; a redirect elsewhere does not get it.
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (HttpRequestException e)
            {
                throw new InputError($"{input.ActionId}: could not read {shown} (input '{inputName}'): {e.Message}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InputError($"{input.ActionId}: could not read {shown} (input '{inputName}'): no answer within {options.DownloadTimeout.TotalSeconds:0} seconds");
            }

            using (response)
            {
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop >= MaxRedirects)
                    {
                        throw new InputError($"{input.ActionId}: could not read {shown}: more than {MaxRedirects} redirects");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new InputError($"{input.ActionId}: could not read {shown} (input '{inputName}'): {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                return await ReadLimitedAsync(response, shown, input, timeout.Token, cancellationToken);
            }
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, string shown, StepInput input, CancellationToken token, CancellationToken callerToken)
    {
        var tooLarge = $"{input.ActionId}: {shown} is larger than {options.MaxDownloadBytes} bytes, the most a fetch downloads";
        if (response.Content.Headers.ContentLength > options.MaxDownloadBytes)
        {
            throw new InputError(tooLarge);
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > options.MaxDownloadBytes)
                {
                    throw new InputError(tooLarge);
                }
            }

            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            throw new InputError($"{input.ActionId}: reading {shown} took longer than {options.DownloadTimeout.TotalSeconds:0} seconds");
        }
        catch (HttpRequestException e)
        {
            throw new InputError($"{input.ActionId}: reading {shown} failed: {e.Message}");
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
