using Scaffolder.Common.Errors;
using System.Text.Json.Nodes;
using CompiledSchema = Scaffolder.JsonSchema.JsonSchema;

namespace Scaffolder.Scaffolding.Templates;

/// <summary>A template with its parameter and secrets schemas compiled, ready to validate requests.</summary>
public sealed class CompiledTemplate
{
    private CompiledTemplate(TemplateDefinition definition, IReadOnlyList<CompiledSchema> parameterSchemas, CompiledSchema? secretsSchema)
    {
        Definition = definition;
        ParameterSchemas = parameterSchemas;
        SecretsSchema = secretsSchema;
    }

    public TemplateDefinition Definition { get; }

    public IReadOnlyList<CompiledSchema> ParameterSchemas { get; }

    public CompiledSchema? SecretsSchema { get; }

    /// <summary>Compiles the schemas; a schema that cannot be compiled is an <see cref="InputError"/> naming it.</summary>
    public static CompiledTemplate Compile(TemplateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var schemas = new List<CompiledSchema>(definition.Parameters.Count);
        for (var i = 0; i < definition.Parameters.Count; i++)
        {
            schemas.Add(CompileOne(definition, definition.Parameters[i], $"spec.parameters[{i}]"));
        }

        var secrets = definition.SecretsSchema is null ? null : CompileOne(definition, definition.SecretsSchema, "spec.secrets.schema");
        return new CompiledTemplate(definition, schemas, secrets);
    }

    private static CompiledSchema CompileOne(TemplateDefinition definition, JsonObject schema, string where)
    {
        if (CompiledSchema.TryCompile(schema, out var compiled, out var problems))
        {
            return compiled;
        }

        throw new InputError($"Template {definition.EntityRef} has an invalid JSON Schema in {where}: {string.Join("; ", problems)}");
    }
}
