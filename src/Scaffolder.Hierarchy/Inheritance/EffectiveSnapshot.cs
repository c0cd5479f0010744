using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Inheritance;

/// <summary>
/// Effective values as plain JSON, <c>{owner, tags, config}</c> with sorted keys and no provenance:
/// what is recorded when a node is planned or provisioned, and what plans compare.
/// </summary>
public static class EffectiveSnapshot
{
    public static JsonObject Of(EffectiveValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var tags = new JsonObject();
        foreach (var (key, value) in values.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            tags[key] = value.Value;
        }

        var config = new JsonObject();
        foreach (var (key, value) in values.Config.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            config[key] = value.Value.DeepClone();
        }

        return new JsonObject { ["owner"] = values.Owner?.Value, ["tags"] = tags, ["config"] = config };
    }

    public static string Serialize(EffectiveValues values) => NodeJson.Serialize(Of(values));
}
