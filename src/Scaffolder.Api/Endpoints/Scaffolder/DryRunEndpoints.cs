using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Api.Http;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.DryRun;

namespace Scaffolder.Api.Endpoints.Scaffolder;

/// <summary><c>POST /v2/dry-run</c>: run a template given in the request, without a task.</summary>
public static class DryRunEndpoints
{
    public static RouteGroupBuilder MapDryRunEndpoints(this RouteGroupBuilder scaffolder)
    {
        scaffolder.MapPost("/v2/dry-run", DryRunAsync).WithName("DryRunTemplate");
        return scaffolder;
    }

    private static async Task<IResult> DryRunAsync(HttpRequest request, DryRunService dryRuns, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(request, ScaffolderJson.BodyLimit, cancellationToken);
        if (body["template"] is not JsonObject template)
        {
            throw new InputError("Malformed request: \"template\" must be a Template entity object");
        }

        var dryRun = new DryRunRequest(
            (JsonObject)template.DeepClone(),
            ScaffolderJson.OptionalObject(body, "values"),
            ScaffolderJson.Secrets(body),
            Files(body["directoryContents"]));
        return ScaffolderJson.Json(await dryRuns.RunAsync(dryRun, cancellationToken));
    }

    private static IReadOnlyList<DryRunFile> Files(JsonNode? contents)
    {
        if (contents is null)
        {
            return [];
        }

        if (contents is not JsonArray array)
        {
            throw new InputError("Malformed request: \"directoryContents\" must be an array of {path, base64Content}");
        }

        return array.Select((item, i) =>
        {
            if (item is not JsonObject file
                || file["path"] is not JsonValue path || path.GetValueKind() != JsonValueKind.String
                || file["base64Content"] is not JsonValue content || content.GetValueKind() != JsonValueKind.String)
            {
                throw new InputError($"Malformed request: directoryContents[{i}] must be {{path, base64Content}} with string values");
            }

            try
            {
                return new DryRunFile(path.GetValue<string>(), Convert.FromBase64String(content.GetValue<string>()));
            }
            catch (FormatException)
            {
                throw new InputError($"Malformed request: directoryContents[{i}].base64Content is not valid base64");
            }
        }).ToList();
    }
}
