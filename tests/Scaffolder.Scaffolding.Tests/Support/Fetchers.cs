using Scaffolder.Scaffolding.Actions.Fetching;

namespace Scaffolder.Scaffolding.Tests.Support;

/// <summary>Content fetchers as the host builds them: redirects checked hop by hop, short timeouts for tests.</summary>
public static class Fetchers
{
    public static ContentFetcher Create(FetchOptions? options = null) =>
        new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }), options ?? new FetchOptions { DownloadTimeout = TimeSpan.FromSeconds(5) });

    public static ContentFetcher AllowingHost(Uri url, Action<FetchOptions>? configure = null)
    {
        var options = new FetchOptions { AllowedHosts = [$"{url.Host}:{url.Port}"], DownloadTimeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return Create(options);
    }
}
