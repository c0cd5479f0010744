using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Actions;

namespace Scaffolder.Api.Endpoints.Scaffolder;

/// <summary>An action as <c>GET /v2/actions</c> lists it: <c>{id, description, examples, schema: {input, output?}}</c>.</summary>
internal static class ActionJson
{
    public static JsonObject Describe(IScaffolderAction action)
    {
        var schema = new JsonObject { ["input"] = action.InputSchema.DeepClone() };
        if (action.OutputSchema is not null)
        {
            schema["output"] = action.OutputSchema.DeepClone();
        }

        return new JsonObject
        {
            ["id"] = action.Id,
            ["description"] = action.Description,
            ["examples"] = new JsonArray(action.Examples.Select(e => (JsonNode?)new JsonObject { ["description"] = e.Description, ["example"] = e.Example }).ToArray()),
            ["schema"] = schema,
        };
    }
}
