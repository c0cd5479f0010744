using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.Azure;

/// <summary>
/// Azure DevOps' "Repositories - Create" endpoint with its documented bodies and statuses (409 TF400948 for a
/// taken name, 404 TF200016 for an unknown project, 203 and an HTML sign-in page for a rejected PAT);
/// repositories are real bare repositories served over smart HTTP at <c>/&lt;org&gt;/&lt;project&gt;/_git/&lt;name&gt;</c>.
/// </summary>
public sealed class FakeAzureDevOps : FakeScmServer
{
    private FakeAzureDevOps(string projectRoot)
        : base(projectRoot)
    {
    }

    /// <summary><c>organization/project</c> pairs that exist.</summary>
    public ConcurrentDictionary<string, Guid> Projects { get; } = new();

    public ConcurrentDictionary<string, JsonObject> Repositories { get; } = new();

    public static async Task<FakeAzureDevOps> StartAsync(string projectRoot)
    {
        var server = new FakeAzureDevOps(projectRoot);
        await server.StartHostAsync();
        return server;
    }

    protected override bool IsGitRequest(PathString path) => path.Value!.Contains("/_git/", StringComparison.Ordinal);

    protected override void MapApi(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var password = PatFrom(context.Request.Headers.Authorization.ToString());
            if (!HasToken(password))
            {
                context.Response.StatusCode = StatusCodes.Status203NonAuthoritative;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<html><head><title>Azure DevOps Services | Sign In</title></head><body>Sign in</body></html>");
                return;
            }

            await next(context);
        });

        app.MapPost("/{organization}/{project}/_apis/git/repositories", (string organization, string project, HttpContext context) =>
            Create(organization, project, context.Request.Query["api-version"].ToString(), Body(context)));
    }

    private static string? PatFrom(string authorization)
    {
        if (!authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..]));
        return decoded.StartsWith(':') ? decoded[1..] : null;
    }

    private async Task<IResult> Create(string organization, string project, string apiVersion, JsonNode? body)
    {
        if (apiVersion != "7.1")
        {
            return Error(400, $"The requested REST API version of {apiVersion} is not supported.", "VssVersionNotSupportedException");
        }

        if (!Projects.TryGetValue($"{organization}/{project}", out var projectId))
        {
            return Error(
                404,
                $"TF200016: The following project does not exist: {project}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.",
                "ProjectDoesNotExistWithNameException");
        }

        var name = body?["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            return Error(400, "TF400949: The repository name must be specified.", "ArgumentException");
        }

        var id = Guid.NewGuid().ToString();
        var gitPath = $"{organization}/{project}/_git/{name}";
        var repository = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["url"] = new Uri(BaseUrl, $"{organization}/{project}/_apis/git/repositories/{id}").AbsoluteUri,
            ["project"] = new JsonObject { ["id"] = projectId.ToString(), ["name"] = project, ["state"] = "wellFormed", ["visibility"] = "private" },
            ["size"] = 0,
            ["remoteUrl"] = $"{BaseUrl.Scheme}://{organization}@{BaseUrl.Authority}/{gitPath}",
            ["sshUrl"] = $"git@ssh.{BaseUrl.Host}:v3/{organization}/{project}/{name}",
            ["webUrl"] = new Uri(BaseUrl, gitPath).AbsoluteUri,
            ["isDisabled"] = false,
            ["isInMaintenance"] = false,
        };
        if (!Repositories.TryAdd($"{organization}/{project}/{name}", repository))
        {
            return Error(409, $"TF400948: A Git repository with the name {name} already exists.", "GitRepositoryNameAlreadyExistsException");
        }

        // git http-backend finds "<path>.git" for a request to "<path>", as Azure's URLs have no suffix.
        await CreateBareRepositoryAsync(gitPath + ".git");
        return Json(201, repository);
    }

    private static IResult Error(int status, string message, string typeKey) => Json(status, new Dictionary<string, object?>
    {
        ["$id"] = "1",
        ["innerException"] = null,
        ["message"] = message,
        ["typeName"] = $"Microsoft.TeamFoundation.Git.Server.{typeKey}, Microsoft.TeamFoundation.Git.Server",
        ["typeKey"] = typeKey,
        ["errorCode"] = 0,
        ["eventId"] = 3000,
    });
}
