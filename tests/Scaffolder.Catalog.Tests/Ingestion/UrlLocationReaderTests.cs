using System.Net;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Common.Errors;
using Xunit;

namespace Scaffolder.Catalog.Tests.Ingestion;

public sealed class UrlLocationReaderTests
{
    [Fact]
    public async Task Reads_from_allowed_hosts_and_wildcards()
    {
        var reader = Reader(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("kind: x") }, "example.com", "*.acme.io");

        Assert.Equal("kind: x", await reader.ReadAsync("https://example.com/catalog.yaml", CancellationToken.None));
        Assert.Equal("kind: x", await reader.ReadAsync("https://git.acme.io/catalog.yaml", CancellationToken.None));
    }

    [Theory]
    [InlineData("https://evil.com/catalog.yaml")]
    [InlineData("https://example.com:8443/catalog.yaml")]
    [InlineData("https://acme.io.evil.com/x.yaml")]
    public async Task Refuses_hosts_not_on_the_allow_list(string url)
    {
        var reader = Reader(_ => new HttpResponseMessage(HttpStatusCode.OK), "example.com", "*.acme.io");

        await Assert.ThrowsAsync<NotAllowedError>(() => reader.ReadAsync(url, CancellationToken.None));
    }

    [Fact]
    public async Task Follows_redirects_only_within_the_allow_list()
    {
        var reader = Reader(
            request => request.RequestUri!.AbsolutePath == "/old"
                ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri(request.RequestUri.Host == "example.com" && request.RequestUri.Query == "?evil" ? "https://evil.com/x" : "/new", UriKind.RelativeOrAbsolute) } }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("moved") },
            "example.com");

        Assert.Equal("moved", await reader.ReadAsync("https://example.com/old", CancellationToken.None));
        await Assert.ThrowsAsync<NotAllowedError>(() => reader.ReadAsync("https://example.com/old?evil", CancellationToken.None));
    }

    [Fact]
    public async Task Maps_404_to_not_found_and_other_failures_to_input_errors()
    {
        await Assert.ThrowsAsync<NotFoundError>(() => Reader(_ => new HttpResponseMessage(HttpStatusCode.NotFound), "example.com").ReadAsync("https://example.com/x", CancellationToken.None));
        var error = await Assert.ThrowsAsync<InputError>(() => Reader(_ => new HttpResponseMessage(HttpStatusCode.BadGateway), "example.com").ReadAsync("https://example.com/x", CancellationToken.None));
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_bodies_over_the_size_limit()
    {
        var reader = new UrlLocationReader(
            new HttpClient(new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(new string('x', 5000)) })),
            new LocationReaderOptions { AllowedHosts = ["example.com"], MaxBytes = 1000 });

        await Assert.ThrowsAsync<InputError>(() => reader.ReadAsync("https://example.com/x", CancellationToken.None));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/x")]
    [InlineData("/relative/path")]
    public void Targets_must_be_absolute_http_urls(string target)
    {
        Assert.Throws<InputError>(() => Reader(_ => new HttpResponseMessage(HttpStatusCode.OK), "example.com").ValidateTarget(target));
    }

    [Fact]
    public async Task Other_schemes_go_to_a_content_reader_that_accepts_them()
    {
        var reader = new UrlLocationReader(new HttpClient(new FakeHandler(_ => throw new InvalidOperationException("no HTTP expected"))), new LocationReaderOptions(), [new GitFileReader()]);

        Assert.Equal("from git", await reader.ReadAsync("file:///repos/a.git/-/blob/main/catalog-info.yaml", CancellationToken.None));
    }

    private static UrlLocationReader Reader(Func<HttpRequestMessage, HttpResponseMessage> answer, params string[] hosts) =>
        new(new HttpClient(new FakeHandler(answer)), new LocationReaderOptions { AllowedHosts = [.. hosts] });

    private sealed class FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }

    private sealed class GitFileReader : IUrlContentReader
    {
        public bool CanRead(Uri url) => url.IsFile && url.AbsolutePath.Contains(".git/-/blob/", StringComparison.Ordinal);

        public Task<string> ReadAsync(Uri url, CancellationToken cancellationToken) => Task.FromResult("from git");
    }
}
