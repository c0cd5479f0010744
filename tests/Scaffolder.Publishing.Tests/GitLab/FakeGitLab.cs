using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.GitLab;

/// <summary>
/// The GitLab REST API v4 endpoints publish:gitlab calls, with GitLab's documented bodies and statuses;
/// projects it creates are real bare repositories served over smart HTTP at <c>/&lt;namespace&gt;/&lt;path&gt;.git</c>.
/// </summary>
public sealed class FakeGitLab : FakeScmServer
{
    private int _nextProjectId = 100;

    private FakeGitLab(string projectRoot)
        : base(projectRoot)
    {
    }

    /// <summary>Token → the user it belongs to.</summary>
    public ConcurrentDictionary<string, (long Id, string Username)> Users { get; } = new();

    /// <summary>Tokens allowed to manage members (an administrator's).</summary>
    public ConcurrentDictionary<string, bool> AdminTokens { get; } = new();

    /// <summary>Full path → namespace id and kind (<c>user</c> or <c>group</c>).</summary>
    public ConcurrentDictionary<string, (long Id, string Kind)> Namespaces { get; } = new();

    /// <summary>Project id → the project as returned.</summary>
    public ConcurrentDictionary<long, JsonObject> Projects { get; } = new();

    public ConcurrentDictionary<string, bool> ProtectedBranches { get; } = new();

    public ConcurrentDictionary<string, JsonNode?> Variables { get; } = new();

    public Uri ApiBaseUrl => new(BaseUrl, "api/v4/");

    public static async Task<FakeGitLab> StartAsync(string projectRoot)
    {
        var server = new FakeGitLab(projectRoot);
        await server.StartHostAsync();
        return server;
    }

    public void AddUser(string token, long id, string username)
    {
        Tokens[token] = username;
        Users[token] = (id, username);
        Namespaces.TryAdd(username, (id + 10_000, "user"));
    }

    protected override bool IsGitRequest(PathString path) =>
        !path.StartsWithSegments("/api") && path.Value!.Contains(".git/", StringComparison.Ordinal);

    protected override void MapApi(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var token = context.Request.Headers["PRIVATE-TOKEN"].ToString();
            var bearer = context.Request.Headers.Authorization.ToString();
            if (token.Length == 0 && bearer.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                token = bearer[7..];
            }

            if (!Users.TryGetValue(token, out var user))
            {
                await Json(401, new { message = "401 Unauthorized" }).ExecuteAsync(context);
                return;
            }

            context.Items["user"] = user;
            context.Items["token"] = token;
            await next(context);
        });

        app.MapGet("/api/v4/namespaces/{id}", (string id) =>
        {
            var path = Uri.UnescapeDataString(id);
            return Namespaces.TryGetValue(path, out var ns)
                ? Json(200, new { id = ns.Id, name = path.Split('/')[^1], path = path.Split('/')[^1], kind = ns.Kind, full_path = path })
                : Json(404, new { message = "404 Namespace Not Found" });
        });

        app.MapGet("/api/v4/user", (HttpContext context) =>
        {
            var (id, username) = ((long, string))context.Items["user"]!;
            return Json(200, new { id, username, name = username, state = "active" });
        });

        app.MapPost("/api/v4/projects", Handler(context => CreateProject(Body(context))));

        app.MapPost("/api/v4/projects/{id:long}/members", (long id, HttpContext context) =>
            !Projects.ContainsKey(id) ? Json(404, new { message = "404 Project Not Found" })
            : AdminTokens.ContainsKey((string)context.Items["token"]!) ? Json(201, new { id = Body(context)?["user_id"]?.GetValue<long>(), access_level = Body(context)?["access_level"]?.GetValue<int>() })
            : Json(403, new { message = "403 Forbidden" }));

        app.MapPost("/api/v4/projects/{id:long}/repository/branches", (long id, string branch, string @ref) => CreateBranch(id, branch, @ref));

        app.MapPost("/api/v4/projects/{id:long}/protected_branches", (long id, string name) =>
            !Projects.ContainsKey(id) ? Json(404, new { message = "404 Project Not Found" })
            : ProtectedBranches.TryAdd($"{id}:{name}", true) ? Json(201, new { id = 1, name })
            : Json(409, new { message = $"Protected branch '{name}' already exists" }));

        app.MapPost("/api/v4/projects/{id:long}/variables", (long id, HttpContext context) =>
        {
            var body = Body(context);
            var key = body?["key"]?.GetValue<string>();
            if (!Projects.ContainsKey(id))
            {
                return Json(404, new { message = "404 Project Not Found" });
            }

            return key is not null && Variables.TryAdd($"{id}:{key}", body)
                ? Json(201, body!)
                : Json(400, new { message = new { key = new[] { $"({key}) has already been taken" } } });
        });
    }

    private async Task<IResult> CreateProject(JsonNode? body)
    {
        var name = body?["name"]?.GetValue<string>();
        var namespaceId = body?["namespace_id"]?.GetValue<long>();
        var ns = Namespaces.FirstOrDefault(n => n.Value.Id == namespaceId);
        if (name is null || ns.Key is null)
        {
            return Json(400, new { message = new { @namespace = new[] { "is not valid" } } });
        }

        var path = body?["path"]?.GetValue<string>() ?? name.ToLowerInvariant().Replace(' ', '-');
        var fullPath = $"{ns.Key}/{path}";
        if (Projects.Values.Any(p => (string?)p["path_with_namespace"] == fullPath))
        {
            return Json(400, new { message = new { name = new[] { "has already been taken" }, path = new[] { "has already been taken" } } });
        }

        var id = Interlocked.Increment(ref _nextProjectId);
        var project = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["path"] = path,
            ["path_with_namespace"] = fullPath,
            ["http_url_to_repo"] = new Uri(BaseUrl, fullPath + ".git").AbsoluteUri,
            ["ssh_url_to_repo"] = $"git@{BaseUrl.Host}:{fullPath}.git",
            ["web_url"] = new Uri(BaseUrl, fullPath).AbsoluteUri,
            ["visibility"] = body?["visibility"]?.GetValue<string>() ?? "private",
            ["default_branch"] = null,
            ["namespace"] = new JsonObject { ["id"] = ns.Value.Id, ["kind"] = ns.Value.Kind, ["full_path"] = ns.Key },
        };
        Projects[id] = project;
        await CreateBareRepositoryAsync(fullPath + ".git");
        return Json(201, project);
    }

    private async Task<IResult> CreateBranch(long id, string branch, string reference)
    {
        if (!Projects.TryGetValue(id, out var project))
        {
            return Json(404, new { message = "404 Project Not Found" });
        }

        var bare = RepositoryPath((string)project["path_with_namespace"]! + ".git");
        var commit = await TryRunAsync(bare, "rev-parse", "--verify", "--quiet", $"refs/heads/{reference}");
        if (commit is null)
        {
            return Json(400, new { message = $"Invalid reference name: {reference}" });
        }

        if (await TryRunAsync(bare, "rev-parse", "--verify", "--quiet", $"refs/heads/{branch}") is not null)
        {
            return Json(400, new { message = "Branch already exists" });
        }

        await TryRunAsync(bare, "update-ref", $"refs/heads/{branch}", commit);
        return Json(201, new { name = branch, commit = new { id = commit } });
    }

    private static async Task<string?> TryRunAsync(string bare, params string[] arguments)
    {
        try
        {
            return await TestGit.RunAsync(bare, ["--git-dir=" + bare, .. arguments]);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
