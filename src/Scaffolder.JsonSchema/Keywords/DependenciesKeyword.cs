using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary>One entry of <c>dependencies</c>: when <see cref="Property"/> is present, either these properties must be too, or the object must match a schema.</summary>
internal sealed record Dependency(string Property, IReadOnlyList<string>? RequiredProperties, SchemaNode? Schema);

/// <summary>
/// <c>dependencies</c>, with the reference library's reporting: the dependency's property is added to
/// the path while its schema is checked against the whole object, and messages name it as
/// <c>instance.&lt;property&gt;</c>.
/// </summary>
internal sealed class DependenciesKeyword(IReadOnlyList<Dependency> dependencies) : Keyword
{
    public override IEnumerable<SchemaNode> SameValueSubschemas => dependencies.Select(d => d.Schema).OfType<SchemaNode>();

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (instance is not JsonObject obj)
        {
            return true;
        }

        var valid = true;
        foreach (var dependency in dependencies)
        {
            if (!obj.ContainsKey(dependency.Property))
            {
                continue;
            }

            run.Push(dependency.Property);
            var dependencyPath = run.PropertyPath();
            if (dependency.RequiredProperties is { } required)
            {
                run.Pop();
                foreach (var name in required)
                {
                    if (obj.ContainsKey(name))
                    {
                        continue;
                    }

                    valid = false;
                    if (errors is null)
                    {
                        return false;
                    }

                    errors.Add(run.Error(
                        schema, instance, "dependencies",
                        "property " + name + " not found, required by " + dependencyPath, JsonValue.Create(dependencyPath)));
                }

                continue;
            }

            var inner = errors is null ? null : new List<SchemaValidationError>();
            var matches = dependency.Schema!.Evaluate(run, instance, inner);
            run.Pop();
            if (matches)
            {
                continue;
            }

            valid = false;
            if (errors is null)
            {
                return false;
            }

            errors.Add(run.Error(
                schema, instance, "dependencies",
                "does not meet dependency required by " + dependencyPath, JsonValue.Create(dependencyPath)));
            errors.AddRange(inner!);
        }

        return valid;
    }
}
