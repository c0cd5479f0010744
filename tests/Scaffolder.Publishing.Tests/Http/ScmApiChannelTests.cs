using System.Net;
using System.Text;
using Scaffolder.Publishing.GitHub;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Secrets;

namespace Scaffolder.Publishing.Tests.Http;

/// <summary>The shared HTTP behaviour of the provider clients, driven through the GitHub client with scripted responses.</summary>
public sealed class ScmApiChannelTests
{
    private const string Token = "ghp_ChannelTestToken0123456789";

    [Fact]
    public async Task A_non_json_error_page_is_quoted_flattened_and_redacted()
    {
        var handler = new ScriptedHandler(_ => Text(HttpStatusCode.BadGateway, "<html>\n<body>502 Bad Gateway\n upstream said " + Token + "</body>\n</html>", "text/html"));

        var error = await Assert.ThrowsAsync<ScmApiException>(() => Client(handler, retries: 0).CreateUserRepositoryAsync(new GitHubCreateRepository { Name = "x" }));

        Assert.Equal("GitHub API POST /user/repos failed with 502 Bad Gateway: <html> <body>502 Bad Gateway  upstream said ***</body> </html>", error.Message);
        Assert.Equal(502, error.StatusCode);
    }

    [Fact]
    public async Task Secrets_known_to_the_shared_redactor_are_masked_too()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.UnprocessableEntity, "{\"message\":\"bad value other-secret-value\"}"));
        var client = new GitHubApiClient(new HttpClient(handler), new Uri("https://api.example.test/"), Token, Fast(0), new SecretRedactor(["other-secret-value"]));

        var error = await Assert.ThrowsAsync<ScmApiException>(() => client.GetUserAsync("o"));

        Assert.EndsWith(": bad value ***", error.Message, StringComparison.Ordinal);
        Assert.Equal("bad value ***", error.ProviderMessage);
    }

    [Fact]
    public async Task A_success_with_a_body_that_is_not_the_expected_json_is_an_error()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.OK, "[1,2,3]"));

        var error = await Assert.ThrowsAsync<ScmApiException>(() => Client(handler).GetUserAsync("o"));

        Assert.StartsWith("GitHub API GET /users/o returned a response that is not the expected JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_is_honoured_but_capped()
    {
        var calls = 0;
        var handler = new ScriptedHandler(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var limited = Json((HttpStatusCode)429, "{\"message\":\"API rate limit exceeded\"}");
                limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
                return limited;
            }

            return Json(HttpStatusCode.OK, "{\"login\":\"o\",\"id\":1,\"type\":\"User\"}");
        });
        var options = new ScmApiOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 1 };
        var started = DateTime.UtcNow;

        var account = await new GitHubApiClient(new HttpClient(handler), new Uri("https://api.example.test/"), Token, options).GetUserAsync("o");

        Assert.Equal("User", account.Type);
        Assert.Equal(2, calls);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_and_report_the_last_status()
    {
        var calls = 0;
        var handler = new ScriptedHandler(_ =>
        {
            Interlocked.Increment(ref calls);
            return Json(HttpStatusCode.ServiceUnavailable, "{\"message\":\"Service Unavailable\"}");
        });

        var error = await Assert.ThrowsAsync<ScmApiException>(() => Client(handler, retries: 2).GetUserAsync("o"));

        Assert.Equal(3, calls);
        Assert.Equal("GitHub API GET /users/o failed with 503 Service Unavailable: Service Unavailable", error.Message);
    }

    [Fact]
    public async Task A_connection_failure_on_a_create_is_not_retried()
    {
        var calls = 0;
        var handler = new ScriptedHandler(_ =>
        {
            Interlocked.Increment(ref calls);
            throw new HttpRequestException("Connection reset by peer");
        });

        var error = await Assert.ThrowsAsync<ScmApiException>(() => Client(handler, retries: 3).CreateUserRepositoryAsync(new GitHubCreateRepository { Name = "x" }));

        Assert.Equal(1, calls);
        Assert.Equal("GitHub API POST /user/repos could not be reached (Connection reset by peer).", error.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_an_api_error()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return Json(HttpStatusCode.OK, "{}");
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(handler).GetUserAsync("o", cancel.Token));
    }

    [Fact]
    public async Task Requests_carry_the_token_the_api_version_and_escaped_path_segments()
    {
        HttpRequestMessage? seen = null;
        var handler = new ScriptedHandler(request =>
        {
            seen = request;
            return Json(HttpStatusCode.OK, "{\"login\":\"a b\",\"id\":1,\"type\":\"User\"}");
        });

        await Client(handler).GetUserAsync("a b/../c");

        Assert.Equal("https://api.example.test/v3/users/a%20b%2F..%2Fc", seen!.RequestUri!.AbsoluteUri);
        Assert.Equal($"Bearer {Token}", seen.Headers.Authorization!.ToString());
        Assert.Equal("2022-11-28", seen.Headers.GetValues("X-GitHub-Api-Version").Single());
        Assert.Contains(seen.Headers.UserAgent, p => p.Product?.Name == "Scaffolder");
    }

    private static GitHubApiClient Client(HttpMessageHandler handler, int retries = 2) =>
        new(new HttpClient(handler), new Uri("https://api.example.test/v3"), Token, Fast(retries));

    private static ScmApiOptions Fast(int retries) => new() { MaxRetries = retries, RetryBaseDelay = TimeSpan.FromMilliseconds(1), RequestTimeout = TimeSpan.FromSeconds(10) };

    private static HttpResponseMessage Json(HttpStatusCode status, string body) => Text(status, body, "application/json");

    private static HttpResponseMessage Text(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private sealed class ScriptedHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> respond)
            : this((request, _) => Task.FromResult(respond(request)))
        {
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => respond(request, cancellationToken);
    }
}
