using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Publishing;

/// <summary>
/// Reads a publish action's input into the publisher's request record: the records carry Backstage's
/// input names (camelCase; GitLab's nested settings keep GitLab's own snake_case names), so the input
/// maps onto them directly. A value of the wrong shape is an input error naming the action.
/// </summary>
internal static class PublishRequestReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static T Read<T>(StepInput input, string workspacePath, params string[] excluded)
    {
        var body = (JsonObject)input.Raw.DeepClone();
        foreach (var name in excluded)
        {
            body.Remove(name);
        }

        body["workspacePath"] = workspacePath;
        try
        {
            return body.Deserialize<T>(Options) ?? throw new InputError($"{input.ActionId}: the input is empty");
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" at {e.Path.TrimStart('$', '.')}";
            throw new InputError($"{input.ActionId}: the input has the wrong shape{where}: {e.Message}", e);
        }
    }
}
