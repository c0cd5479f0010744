using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Formats;
using Scaffolder.JsonSchema.Keywords;
using Scaffolder.JsonSchema.Patterns;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Compilation;

/// <summary>The checks and compilation of individual keywords' values.</summary>
internal sealed partial class SchemaCompiler
{
    private bool RequireSchema(JsonNode? value, string at, string key)
    {
        if (SchemaShapes.IsSchema(value))
        {
            return true;
        }

        Problem(at, $"{key} must be {SchemaShapes.Kinds}, not {SchemaShapes.Describe(value)}");
        return false;
    }

    private TypeKeyword? CompileType(JsonNode? value, string at)
    {
        var names = new List<string>();
        if (JsonValues.TryGetString(value, out var single))
        {
            names.Add(single);
        }
        else if (value is JsonArray array)
        {
            foreach (var item in array)
            {
                if (!JsonValues.TryGetString(item, out var name))
                {
                    names.Clear();
                    names.Add(string.Empty);
                    break;
                }

                names.Add(name);
            }
        }
        else
        {
            names.Add(string.Empty);
        }

        var unknown = names.Where(n => !TypeKeyword.KnownTypes.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            var detail = unknown[0].Length == 0 ? $"got {JsText.Stringify(value)}" : $"\"{unknown[0]}\" is not a type";
            Problem(at, $"type must be one of array, boolean, integer, null, number, object, string, or an array of them ({detail})");
            return null;
        }

        return new TypeKeyword(names);
    }

    private PropertiesKeyword? CompileProperties(SchemaNode node, JsonNode? value, string at)
    {
        if (value is not JsonObject properties)
        {
            Problem(at, "properties must be an object mapping property names to schemas");
            return null;
        }

        var compiled = new List<(string, SchemaNode)>();
        foreach (var (name, subschema) in JsKeyOrder.Enumerate(properties))
        {
            compiled.Add((name, CompileSchema(subschema, JsonPointer.Append(at, name))));
        }

        node.PropertySchemas = compiled;
        return new PropertiesKeyword(compiled);
    }

    private RequiredKeyword? CompileRequired(JsonNode? value, string at)
    {
        if (JsonValues.IsBoolean(value, out _))
        {
            // Draft-03's boolean form on a property schema; see SchemaNode.LegacyRequired.
            return null;
        }

        if (value is JsonArray array)
        {
            var names = new List<string>();
            foreach (var item in array)
            {
                if (!JsonValues.TryGetString(item, out var name))
                {
                    Problem(at, $"required must list property names as strings, not {SchemaShapes.Describe(item)}");
                    return null;
                }

                names.Add(name);
            }

            return names.Count > 0 ? new RequiredKeyword(names) : null;
        }

        Problem(at, "required must be an array of property names");
        return null;
    }

    private AdditionalPropertiesKeyword? CompileAdditionalProperties(JsonObject schema, string additionalAt, string? patternsAt)
    {
        var declared = schema["properties"] is JsonObject properties
            ? properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal)
            : [];

        var patterns = new List<(EcmaScriptPattern, SchemaNode)>();
        if (patternsAt is not null)
        {
            if (schema["patternProperties"] is not JsonObject patternProperties)
            {
                Problem(patternsAt, "patternProperties must be an object mapping regular expressions to schemas");
                return null;
            }

            foreach (var (source, subschema) in JsKeyOrder.Enumerate(patternProperties))
            {
                var at = JsonPointer.Append(patternsAt, source);
                var compiled = CompileSchema(subschema, at);
                if (EcmaScriptPattern.TryCreate(source, out var pattern, out var error))
                {
                    patterns.Add((pattern!, compiled));
                }
                else
                {
                    Problem(at, $"the property name pattern is not a valid regular expression ({error})");
                }
            }
        }

        SchemaNode? additional = null;
        var forbidden = false;
        if (schema.TryGetPropertyValue("additionalProperties", out var additionalJson))
        {
            if (JsonValues.IsBoolean(additionalJson, out var allowed))
            {
                forbidden = !allowed;
            }
            else if (RequireSchema(additionalJson, additionalAt, "additionalProperties"))
            {
                additional = CompileSchema(additionalJson, additionalAt);
            }
        }

        return new AdditionalPropertiesKeyword(declared, patterns, additional, forbidden);
    }

    private PatternKeyword? CompilePattern(JsonNode? value, string at)
    {
        if (!JsonValues.TryGetString(value, out var source))
        {
            Problem(at, "pattern must be a string holding a regular expression");
            return null;
        }

        if (!EcmaScriptPattern.TryCreate(source, out var pattern, out var error))
        {
            Problem(at, $"pattern is not a valid regular expression ({error})");
            return null;
        }

        return new PatternKeyword(pattern!, value!);
    }

    private bool TryGetLimit(JsonNode? value, string at, string key, out double limit)
    {
        limit = 0;
        if (JsonValues.TryGetNumber(value, out var number) && !number.Negative && number.IsInteger)
        {
            limit = number.ToDouble();
            return true;
        }

        Problem(at, $"{key} must be a non-negative integer, not {JsText.Stringify(value)}");
        return false;
    }

    private NumericBoundKeyword? CompileBound(JsonObject schema, string key, JsonNode? value, string at)
    {
        if (!JsonValues.TryGetNumber(value, out var limit))
        {
            Problem(at, $"{key} must be a number, not {JsText.Stringify(value)}");
            return null;
        }

        var exclusive = JsonValues.Kind(schema[key == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum"]) == JsonValueKind.True;
        return new NumericBoundKeyword(key, limit, value!, exclusive);
    }

    private NumericBoundKeyword? CompileExclusiveBound(string key, JsonNode? value, string at)
    {
        if (JsonValues.IsBoolean(value, out _))
        {
            // Draft-04's boolean form only modifies minimum/maximum.
            return null;
        }

        if (JsonValues.TryGetNumber(value, out var limit))
        {
            return new NumericBoundKeyword(key, limit, value!, exclusive: true);
        }

        Problem(at, $"{key} must be a number (or, draft-04 style, a boolean), not {JsText.Stringify(value)}");
        return null;
    }

    private ItemsKeyword? CompileItems(JsonObject schema, SchemaNode node, JsonNode? value, string at)
    {
        if (value is JsonArray tupleJson)
        {
            var tuple = new List<SchemaNode>();
            for (var i = 0; i < tupleJson.Count; i++)
            {
                tuple.Add(CompileSchema(tupleJson[i], JsonPointer.Append(at, i)));
            }

            SchemaNode? additional = null;
            if (schema.TryGetPropertyValue("additionalItems", out var additionalJson))
            {
                var additionalAt = JsonPointer.Append(node.Location, "additionalItems");
                if (RequireSchema(additionalJson, additionalAt, "additionalItems"))
                {
                    additional = CompileSchema(additionalJson, additionalAt);
                }
            }

            return new ItemsKeyword(null, tuple, additional);
        }

        if (!SchemaShapes.IsSchema(value))
        {
            Problem(at, $"items must be {SchemaShapes.Kinds} or an array of schemas, not {SchemaShapes.Describe(value)}");
            return null;
        }

        return new ItemsKeyword(CompileSchema(value, at), null, null);
    }

    private FormatKeyword? CompileFormat(JsonNode? value, string at)
    {
        if (!JsonValues.TryGetString(value, out var format))
        {
            Problem(at, "format must be a string such as \"email\" or \"date-time\"");
            return null;
        }

        return FormatCheckers.Find(format) is { } check ? new FormatKeyword(format, check, value!) : null;
    }

    private List<SchemaNode>? CompileSchemaList(JsonNode? value, string at, string key)
    {
        if (value is not JsonArray array || array.Count == 0)
        {
            Problem(at, $"{key} must be a non-empty array of schemas");
            return null;
        }

        var compiled = new List<SchemaNode>();
        for (var i = 0; i < array.Count; i++)
        {
            compiled.Add(CompileSchema(array[i], JsonPointer.Append(at, i)));
        }

        return compiled;
    }

    private DependenciesKeyword? CompileDependencies(JsonNode? value, string at)
    {
        if (value is not JsonObject map)
        {
            Problem(at, "dependencies must be an object mapping property names to schemas or lists of property names");
            return null;
        }

        var dependencies = new List<Dependency>();
        foreach (var (property, dependency) in JsKeyOrder.Enumerate(map))
        {
            var dependencyAt = JsonPointer.Append(at, property);
            if (dependency is JsonArray names)
            {
                var required = new List<string>();
                foreach (var name in names)
                {
                    if (JsonValues.TryGetString(name, out var text))
                    {
                        required.Add(text);
                    }
                    else
                    {
                        Problem(dependencyAt, $"a property dependency must list property names as strings, not {SchemaShapes.Describe(name)}");
                    }
                }

                dependencies.Add(new Dependency(property, required, null));
            }
            else if (JsonValues.TryGetString(dependency, out var single))
            {
                dependencies.Add(new Dependency(property, [single], null));
            }
            else if (SchemaShapes.IsSchema(dependency))
            {
                dependencies.Add(new Dependency(property, null, CompileSchema(dependency, dependencyAt)));
            }
            else
            {
                Problem(dependencyAt, $"a dependency must be {SchemaShapes.Kinds} or an array of property names, not {SchemaShapes.Describe(dependency)}");
            }
        }

        return new DependenciesKeyword(dependencies);
    }

    private ConditionalKeyword? CompileConditional(JsonObject schema, SchemaNode node, JsonNode? value, string at)
    {
        if (!RequireSchema(value, at, "if"))
        {
            return null;
        }

        var condition = CompileSchema(value, at);
        SchemaNode? Branch(string key)
        {
            if (!schema.TryGetPropertyValue(key, out var branch))
            {
                return null;
            }

            var branchAt = JsonPointer.Append(node.Location, key);
            return RequireSchema(branch, branchAt, key) ? CompileSchema(branch, branchAt) : null;
        }

        return new ConditionalKeyword(condition, Branch("then"), Branch("else"));
    }
}
