using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.GitHub;

/// <summary>
/// The GitHub REST endpoints publish:github calls, under <c>/api/v3</c> as on GitHub Enterprise Server, with
/// GitHub's documented bodies and statuses; repositories it creates are real bare repositories served
/// over smart HTTP at <c>/&lt;owner&gt;/&lt;repo&gt;.git</c>.
/// </summary>
public sealed class FakeGitHub : FakeScmServer
{
    private const string Docs = "https://docs.github.com/rest";

    private FakeGitHub(string projectRoot)
        : base(projectRoot)
    {
    }

    /// <summary>Login → <c>User</c> or <c>Organization</c>.</summary>
    public ConcurrentDictionary<string, string> Accounts { get; } = new();

    /// <summary><c>org/team-slug</c> of existing teams.</summary>
    public ConcurrentDictionary<string, bool> Teams { get; } = new();

    /// <summary>Logins for which adding a collaborator fails with 404.</summary>
    public ConcurrentDictionary<string, bool> UnknownCollaborators { get; } = new();

    public ConcurrentDictionary<string, JsonObject> Repositories { get; } = new();

    /// <summary>Branch protection answers 403 "Upgrade to GitHub Pro…", as for private repositories on free plans.</summary>
    public bool ProtectionNeedsPro { get; set; }

    /// <summary>The first branch protection call answers 404 "Branch not found" (GitHub's eventual consistency).</summary>
    public bool BranchNotFoundOnce { get; set; }

    /// <summary>Error bodies repeat the Authorization header received, as some proxies do.</summary>
    public bool EchoCredentialsInErrors { get; set; }

    /// <summary>Every API answer is delayed this long.</summary>
    public TimeSpan ResponseDelay { get; set; }

    public Uri ApiBaseUrl => new(BaseUrl, "api/v3/");

    public static async Task<FakeGitHub> StartAsync(string projectRoot)
    {
        var server = new FakeGitHub(projectRoot);
        await server.StartHostAsync();
        return server;
    }

    protected override bool IsGitRequest(PathString path) =>
        !path.StartsWithSegments("/api") && path.Value!.Contains(".git/", StringComparison.Ordinal);

    protected override void MapApi(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay, context.RequestAborted);
            }

            var header = context.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..]
                : header.StartsWith("token ", StringComparison.Ordinal) ? header[6..] : null;
            if (!HasToken(token))
            {
                var message = EchoCredentialsInErrors ? $"Bad credentials ({header})" : "Bad credentials";
                await Json(401, new { message, documentation_url = Docs, status = "401" }).ExecuteAsync(context);
                return;
            }

            context.Items["login"] = Tokens[token!];
            await next(context);
        });

        app.MapGet("/api/v3/users/{login}", (string login) =>
            Accounts.TryGetValue(login, out var type)
                ? Json(200, new { login, id = Math.Abs(login.GetHashCode(StringComparison.Ordinal)), type, html_url = new Uri(BaseUrl, login).AbsoluteUri })
                : NotFound());

        app.MapGet("/api/v3/orgs/{org}/teams/{slug}", (string org, string slug) =>
            Teams.ContainsKey($"{org}/{slug}") ? Json(200, new { id = 7, slug, name = slug }) : NotFound());

        app.MapPost("/api/v3/orgs/{org}/repos", (string org, HttpContext context) =>
            Accounts.TryGetValue(org, out var type) && type == "Organization" ? CreateRepository(org, "Organization", Body(context)) : Task.FromResult(NotFound()));

        app.MapPost("/api/v3/user/repos", Handler(context => CreateRepository((string)context.Items["login"]!, "User", Body(context))));

        app.MapPut("/api/v3/orgs/{org}/teams/{slug}/repos/{owner}/{repo}", (string org, string slug, string owner, string repo) =>
            Teams.ContainsKey($"{org}/{slug}") && Repositories.ContainsKey($"{owner}/{repo}") ? Results.NoContent() : NotFound());

        app.MapPut("/api/v3/repos/{owner}/{repo}/collaborators/{username}", (string owner, string repo, string username) =>
            UnknownCollaborators.ContainsKey(username) || !Repositories.ContainsKey($"{owner}/{repo}")
                ? NotFound()
                : Json(201, new { id = 1, permissions = "write", invitee = new { login = username } }));

        app.MapPut("/api/v3/repos/{owner}/{repo}/topics", (string owner, string repo, HttpContext context) =>
            Repositories.ContainsKey($"{owner}/{repo}") ? Json(200, new { names = Body(context)?["names"] }) : NotFound());

        app.MapPost("/api/v3/repos/{owner}/{repo}/actions/variables", (string owner, string repo) =>
            Repositories.ContainsKey($"{owner}/{repo}") ? Json(201, new { }) : NotFound());

        app.MapPut("/api/v3/repos/{owner}/{repo}/actions/oidc/customization/sub", (string owner, string repo) =>
            Repositories.ContainsKey($"{owner}/{repo}") ? Json(201, new { }) : NotFound());

        app.MapPut("/api/v3/repos/{owner}/{repo}/subscription", (string owner, string repo) =>
            Repositories.ContainsKey($"{owner}/{repo}") ? Json(200, new { subscribed = true, ignored = false }) : NotFound());

        app.MapPut("/api/v3/repos/{owner}/{repo}/branches/{branch}/protection", (string owner, string repo, string branch, HttpContext context) =>
            Protect(owner, repo, branch, Body(context) as JsonObject));

        app.MapPost("/api/v3/repos/{owner}/{repo}/branches/{branch}/protection/required_signatures", (string owner, string repo, string branch) =>
            Repositories.ContainsKey($"{owner}/{repo}") ? Json(200, new { enabled = true }) : NotFound());
    }

    private static IResult NotFound() => Json(404, new { message = "Not Found", documentation_url = Docs, status = "404" });

    private async Task<IResult> CreateRepository(string owner, string ownerType, JsonNode? body)
    {
        var name = body?["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            return Json(422, new { message = "Invalid request.\n\n\"name\" wasn't supplied.", documentation_url = Docs, status = "422" });
        }

        var fullName = $"{owner}/{name}";
        var isPrivate = body?["private"]?.GetValue<bool>() ?? false;
        var repository = new JsonObject
        {
            ["id"] = Repositories.Count + 1000,
            ["node_id"] = "R_kgDOfake",
            ["name"] = name,
            ["full_name"] = fullName,
            ["private"] = isPrivate,
            ["visibility"] = body?["visibility"]?.GetValue<string>() ?? (isPrivate ? "private" : "public"),
            ["owner"] = new JsonObject { ["login"] = owner, ["type"] = ownerType },
            ["html_url"] = new Uri(BaseUrl, fullName).AbsoluteUri,
            ["clone_url"] = new Uri(BaseUrl, fullName + ".git").AbsoluteUri,
            ["ssh_url"] = $"git@{BaseUrl.Host}:{fullName}.git",
            ["description"] = body?["description"]?.GetValue<string>(),
            ["default_branch"] = "main",
        };
        if (!Repositories.TryAdd(fullName, repository))
        {
            return Json(422, new
            {
                message = "Repository creation failed.",
                errors = new[] { new { resource = "Repository", code = "custom", field = "name", message = "name already exists on this account" } },
                documentation_url = Docs,
                status = "422",
            });
        }

        await CreateBareRepositoryAsync(fullName + ".git");
        return Json(201, repository);
    }

    private IResult Protect(string owner, string repo, string branch, JsonObject? body)
    {
        if (!Repositories.ContainsKey($"{owner}/{repo}"))
        {
            return NotFound();
        }

        if (ProtectionNeedsPro)
        {
            return Json(403, new { message = "Upgrade to GitHub Pro or make this repository public to enable this feature.", documentation_url = Docs, status = "403" });
        }

        var branchExists = File.Exists(RepositoryPath($"{owner}/{repo}.git/refs/heads/{branch}"));
        if (!branchExists || BranchNotFoundOnce)
        {
            BranchNotFoundOnce = false;
            return Json(404, new { message = "Branch not found", documentation_url = Docs, status = "404" });
        }

        var missing = new[] { "required_status_checks", "enforce_admins", "required_pull_request_reviews", "restrictions" }
            .FirstOrDefault(key => body is null || !body.ContainsKey(key));
        if (missing is not null)
        {
            return Json(422, new { message = $"Invalid request.\n\n\"{missing}\" wasn't supplied.", documentation_url = Docs, status = "422" });
        }

        return Json(200, new { url = new Uri(ApiBaseUrl, $"repos/{owner}/{repo}/branches/{branch}/protection").AbsoluteUri });
    }
}
