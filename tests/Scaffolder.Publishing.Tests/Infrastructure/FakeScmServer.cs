using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Scaffolder.Publishing.Tests.Infrastructure;

/// <summary>
/// What the fake GitHub, GitLab and Azure DevOps servers share: a Kestrel host, a log of API requests,
/// bare repositories under a project root served by <c>git http-backend</c> to callers whose HTTP basic
/// password is a known token, and a switch to make the next API calls fail with a given status.
/// </summary>
public abstract class FakeScmServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string?> _gitAuthorizations = new();
    private readonly ConcurrentQueue<int> _injectedFailures = new();
    private TestServerHost? _host;

    protected FakeScmServer(string projectRoot)
    {
        ProjectRoot = projectRoot;
        Directory.CreateDirectory(projectRoot);
    }

    public string ProjectRoot { get; }

    public Uri BaseUrl => _host?.BaseUrl ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>Tokens the server accepts, both on its API and (as basic-auth password) for git.</summary>
    public ConcurrentDictionary<string, string> Tokens { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The git endpoint refuses every caller (a token valid for the API but not for git).</summary>
    public bool RejectGit { get; set; }

    public IReadOnlyList<string?> GitAuthorizationHeaders => [.. _gitAuthorizations];

    /// <summary>The next API calls answer with these statuses, in order, before anything else happens.</summary>
    public void FailNextRequests(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _injectedFailures.Enqueue(status);
        }
    }

    public string RepositoryPath(string relative) => Path.Combine(ProjectRoot, relative.Replace('/', Path.DirectorySeparatorChar));

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected async Task StartHostAsync()
    {
        _host = await TestServerHost.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                if (IsGitRequest(context.Request.Path))
                {
                    await ServeGitAsync(context);
                    return;
                }

                var body = await ReadJsonAsync(context.Request);
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                var authorization = context.Request.Headers.Authorization.ToString();
                _requests.Enqueue(new RecordedRequest(
                    context.Request.Method,
                    context.Request.Path.Value + context.Request.QueryString.Value,
                    authorization.Length == 0 ? null : authorization,
                    body,
                    headers));
                context.Items["body"] = body;
                if (_injectedFailures.TryDequeue(out var status))
                {
                    context.Response.StatusCode = status;
                    if (status == 429)
                    {
                        context.Response.Headers.RetryAfter = "0";
                    }

                    await context.Response.WriteAsJsonAsync(new { message = $"injected failure {status}" });
                    return;
                }

                await next(context);
            });
            MapApi(app);
        });
    }

    protected abstract bool IsGitRequest(PathString path);

    /// <summary>Maps the repository path of a git request (<c>/o/r.git/info/refs</c>) below <see cref="ProjectRoot"/>.</summary>
    protected virtual string GitPathInfo(PathString path) => path.Value!;

    protected abstract void MapApi(WebApplication app);

    protected static JsonNode? Body(HttpContext context) => context.Items["body"] as JsonNode;

    protected static IResult Json(int status, object value) => Results.Json(value, statusCode: status);

    /// <summary>A route handler taking only the context whose result is written to the response (not a RequestDelegate).</summary>
    protected static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;

    /// <summary>Creates a bare repository below the project root (as the provider does when an API call creates one).</summary>
    protected Task CreateBareRepositoryAsync(string relativePath) => TestGit.InitBareAsync(RepositoryPath(relativePath), "main");

    protected bool HasToken(string? token) => token is not null && Tokens.ContainsKey(token);

    private async Task ServeGitAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        _gitAuthorizations.Enqueue(authorization.Length == 0 ? null : authorization);
        var password = BasicPassword(authorization);
        if (RejectGit || !HasToken(password))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"git\"";
            return;
        }

        await GitHttpBackend.ServeAsync(context, ProjectRoot, GitPathInfo(context.Request.Path), "fake-user");
    }

    private static string? BasicPassword(string authorization)
    {
        if (!authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : decoded[(colon + 1)..];
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || !(request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
