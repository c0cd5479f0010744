using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Templates;

namespace Scaffolder.Scaffolding.Tasks;

/// <summary>Who asked for a task: the user entity ref and entity, when the caller is a user.</summary>
public sealed record TaskCaller(string? UserRef, JsonObject? UserEntity)
{
    public static readonly TaskCaller Anonymous = new(null, null);
}

/// <summary>Builds the TaskSpec Backstage stores for a task (the values, not the schemas).</summary>
public static class TaskSpecBuilder
{
    /// <summary><c>{apiVersion, steps, output, parameters, user, templateInfo, EXPERIMENTAL_recovery?}</c>.</summary>
    public static JsonObject Build(TemplateDefinition template, JsonObject values, TaskCaller caller, string entityRef, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(caller);
        var user = new JsonObject();
        if (caller.UserEntity is not null)
        {
            user["entity"] = caller.UserEntity.DeepClone();
        }

        if (caller.UserRef is not null)
        {
            user["ref"] = caller.UserRef;
        }

        var templateInfo = new JsonObject { ["entityRef"] = entityRef };
        if (baseUrl is not null)
        {
            templateInfo["baseUrl"] = baseUrl;
        }

        templateInfo["entity"] = new JsonObject { ["metadata"] = template.Metadata.DeepClone() };
        var spec = new JsonObject
        {
            ["apiVersion"] = TemplateDefinition.ApiVersionV1Beta3,
            ["steps"] = new JsonArray(template.Steps.Select(s => (JsonNode?)s.Json.DeepClone()).ToArray()),
            ["output"] = template.Spec["output"]?.DeepClone() ?? new JsonObject(),
            ["parameters"] = values.DeepClone(),
            ["user"] = user,
            ["templateInfo"] = templateInfo,
        };
        if (template.Spec["EXPERIMENTAL_recovery"] is { } recovery)
        {
            spec["EXPERIMENTAL_recovery"] = recovery.DeepClone();
        }

        return spec;
    }

    /// <summary>The recovery strategy of a stored spec: <c>startOver</c> or <c>none</c>.</summary>
    public static string RecoverStrategyOf(JsonNode? spec) =>
        spec?["EXPERIMENTAL_recovery"]?["EXPERIMENTAL_strategy"] is JsonValue value && value.TryGetValue<string>(out var s) && s == "startOver"
            ? "startOver"
            : "none";
}
