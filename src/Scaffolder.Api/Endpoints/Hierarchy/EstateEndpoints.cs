using System.Text;
using Scaffolder.Api.Http;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Projection;
using Scaffolder.Hierarchy.Seed;
using Scaffolder.Hierarchy.Service;

namespace Scaffolder.Api.Endpoints.Hierarchy;

/// <summary>
/// The hierarchy as a whole: importing an estate file, and serving every node's catalog entity as
/// one YAML stream that a Backstage catalog can register as a <c>url</c> location.
/// </summary>
public static class EstateEndpoints
{
    /// <summary>Largest estate accepted in one import.</summary>
    public const long ImportLimit = 16 * 1024 * 1024;

    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    public static RouteGroupBuilder MapEstateEndpoints(this RouteGroupBuilder hierarchy)
    {
        hierarchy.MapPost("/import", ImportAsync)
            .WithName("ImportHierarchyEstate")
            .WithSummary("Create a whole estate in one transaction, from JSON or YAML ({nodes: [...]} with nested children)")
            .Accepts<EstateBody>("application/json", "application/yaml")
            .Produces<ImportResultView>(StatusCodes.Status201Created)
            .Errors(400, 409, 413);
        hierarchy.MapGet("/catalog.yaml", CatalogYamlAsync)
            .WithName("GetHierarchyCatalogYaml")
            .WithSummary("Every node as a Backstage entity in one multi-document YAML: register this URL as a url location to ingest the tree")
            .Produces<string>(StatusCodes.Status200OK, "application/yaml");
        return hierarchy;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, HierarchyService service, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        var drafts = YamlTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
            ? EstateFile.Parse(await ReadTextAsync(request, cancellationToken))
            : NodeDocuments.ParseEstate(await RequestBody.ReadObjectAsync(request, ImportLimit, cancellationToken));
        var result = await service.ImportAsync(drafts, cancellationToken: cancellationToken);
        return Results.Json(result, JsonDefaults.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> CatalogYamlAsync(HierarchyReader reader, CancellationToken cancellationToken) =>
        Results.Text(EntityYaml.Write(await reader.CatalogEntitiesAsync(cancellationToken)), "application/yaml; charset=utf-8", Encoding.UTF8);

    private static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ImportLimit)
        {
            throw new PayloadTooLargeError($"Request body is {request.ContentLength} bytes; an import accepts at most {ImportLimit} bytes");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ImportLimit)
            {
                throw new PayloadTooLargeError($"Request body exceeds {ImportLimit} bytes, the most an import accepts");
            }
        }

        return buffer.Length > 0
            ? Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)
            : throw new InputError("Malformed request body: the body is empty, expected an estate");
    }
}
