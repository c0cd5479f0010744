using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Search;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Processing;

/// <summary>
/// Produces the entity clients read from its processed form: server-assigned <c>uid</c> and
/// <c>etag</c>, every relation whose source it is (emitted by itself or by others), and
/// processing errors as <c>status.items</c>. The etag changes exactly when that content changes.
/// </summary>
public static class Stitcher
{
    public static StitchedEntityRecord Stitch(StitchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var relations = input.Relations
            .Select(r => new EntityRelation(r.SourceRef, r.Type, r.TargetRef))
            .Distinct()
            .OrderBy(r => r.Type, StringComparer.Ordinal)
            .ThenBy(r => r.TargetRef, StringComparer.Ordinal)
            .ToList();
        var etag = ComputeEtag(input, relations);

        var entity = CatalogJson.ParseObject(input.ProcessedJson);
        var metadata = EntityJson.Metadata(entity) ?? throw new InvalidOperationException($"Processed entity {input.EntityRef} has no metadata.");
        metadata["uid"] = input.Uid;
        metadata["etag"] = etag;
        entity["relations"] = new JsonArray(relations.Select(r => (JsonNode)RelationJson(r)).ToArray());
        if (input.ErrorsJson is not null)
        {
            entity["status"] = new JsonObject { ["items"] = JsonNode.Parse(input.ErrorsJson) };
        }

        var search = SearchIndexBuilder.Build(entity, relations);
        return new StitchedEntityRecord(input.Id, CatalogJson.Serialize(entity), etag, search);
    }

    private static JsonObject RelationJson(EntityRelation relation)
    {
        var target = EntityRef.Parse(relation.TargetRef);
        return new JsonObject
        {
            ["type"] = relation.Type,
            ["targetRef"] = relation.TargetRef,
            // Older frontends read the compound form; newer ones read targetRef.
            ["target"] = new JsonObject { ["kind"] = target.Kind, ["namespace"] = target.Namespace, ["name"] = target.Name },
        };
    }

    private static string ComputeEtag(StitchInput input, IEnumerable<EntityRelation> relations)
    {
        var content = new StringBuilder(input.ProcessedJson).Append('\n').Append(input.Uid).Append('\n').Append(input.ErrorsJson);
        foreach (var relation in relations)
        {
            content.Append('\n').Append(relation.Type).Append(' ').Append(relation.TargetRef);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
