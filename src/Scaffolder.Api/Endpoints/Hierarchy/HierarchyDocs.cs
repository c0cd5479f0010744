using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace Scaffolder.Api.Endpoints.Hierarchy;

// Shapes of request and error bodies, for the OpenAPI document only: the endpoints read bodies
// field by field so that every problem names the offending field.

/// <summary>A node to create (POST /nodes), optionally with nested children.</summary>
public sealed record NodeBody(
    string Name,
    string? Namespace,
    string? Level,
    string? Parent,
    string? Title,
    string? Description,
    string? Owner,
    bool? Abstract,
    IReadOnlyDictionary<string, string>? Tags,
    IReadOnlyDictionary<string, JsonNode>? Config,
    LockedBody? Locked,
    IReadOnlyList<NodeBody>? Children);

/// <summary>Tag and config keys no node below may set.</summary>
public sealed record LockedBody(IReadOnlyList<string>? Tags, IReadOnlyList<string>? Config);

/// <summary>A partial update (merge patch): a null tag or config value removes the key.</summary>
public sealed record NodePatchBody(
    string? Title,
    string? Description,
    string? Owner,
    bool? Abstract,
    IReadOnlyDictionary<string, string?>? Tags,
    IReadOnlyDictionary<string, JsonNode?>? Config,
    LockedBody? Locked);

/// <summary>The new parent of a moved node.</summary>
public sealed record MoveBody(string Parent);

/// <summary>An estate to import: top-level nodes (accounts, or nodes naming an existing parent) with nested children.</summary>
public sealed record EstateBody(IReadOnlyList<NodeBody> Nodes);

/// <summary>Backstage's error body.</summary>
public sealed record ErrorBody(ErrorBody.ErrorDetail Error, ErrorBody.RequestDetail Request, ErrorBody.ResponseDetail Response)
{
    public sealed record ErrorDetail(string Name, string Message);

    public sealed record RequestDetail(string Method, string Url);

    public sealed record ResponseDetail(int StatusCode);
}

internal static class HierarchyDocs
{
    /// <summary>Documents the Backstage error bodies an endpoint answers with.</summary>
    public static RouteHandlerBuilder Errors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.Produces<ErrorBody>(status);
        }

        return builder;
    }

    /// <summary>Documents the <c>If-Match</c> header of a write.</summary>
    public static RouteHandlerBuilder WithIfMatch(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
            {
                Name = "If-Match",
                In = Microsoft.OpenApi.ParameterLocation.Header,
                Required = false,
                Description = "The node's ETag (its revision, e.g. \"7\"); the write is refused with 409 if the node has moved on",
                Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });
}
