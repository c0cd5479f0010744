using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Templates;

/// <summary>
/// One step of a template, as the task runs it: its id (default <c>step-&lt;n&gt;</c>), name (default:
/// the action id), action, and the still unrendered <c>input</c>, <c>if</c> and <c>each</c>.
/// <see cref="Json"/> is the step as stored in the task spec (every authored key kept).
/// </summary>
public sealed record TemplateStep(int Position, string Id, string Name, string Action, JsonObject? Input, JsonNode? If, JsonNode? Each, JsonObject Json)
{
    /// <summary>Reads the steps of a task spec or template (<c>spec.steps</c>), filling the default id and name.</summary>
    /// <exception cref="TemplateFormatException">A step is not an object or has no action id.</exception>
    public static IReadOnlyList<TemplateStep> ReadAll(JsonNode? steps, string where)
    {
        if (steps is null)
        {
            return [];
        }

        if (steps is not JsonArray array)
        {
            throw new TemplateFormatException($"{where}.steps must be an array");
        }

        var result = new List<TemplateStep>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject step)
            {
                throw new TemplateFormatException($"{where}.steps[{i}] must be an object");
            }

            var action = Text(step, "action") ?? throw new TemplateFormatException($"{where}.steps[{i}].action must be a non-empty string naming the action to run");
            var id = Text(step, "id") ?? $"step-{i + 1}";
            var name = Text(step, "name") ?? action;
            if (step["input"] is not (null or JsonObject))
            {
                throw new TemplateFormatException($"{where}.steps[{i}].input must be an object");
            }

            var json = (JsonObject)step.DeepClone();
            json["id"] = id;
            json["name"] = name;
            result.Add(new TemplateStep(i, id, name, action, json["input"] as JsonObject, json["if"], json["each"], json));
        }

        return result;
    }

    private static string? Text(JsonObject step, string key) =>
        step[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}

/// <summary>A template (or stored task spec) is not shaped as a v1beta3 template must be.</summary>
public sealed class TemplateFormatException(string message) : Exception(message);
