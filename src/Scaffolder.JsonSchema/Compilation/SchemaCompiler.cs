using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Keywords;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Compilation;

/// <summary>
/// Turns a schema document into <see cref="SchemaNode"/>s, checking that every keyword it uses
/// has a usable value, resolving local <c>$ref</c>s, and rejecting reference cycles that never
/// move into a property or item (which would make validation loop forever).
/// </summary>
internal sealed partial class SchemaCompiler
{
    private readonly Dictionary<JsonNode, SchemaNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly List<SchemaProblem> _problems = [];
    private readonly Queue<SchemaNode> _pendingReferences = new();
    private readonly ReferenceTargets _targets;

    private SchemaCompiler(JsonNode root) => _targets = new ReferenceTargets(root);

    /// <summary>Compiles <paramref name="root"/>, which the caller no longer changes; null when there are problems.</summary>
    public static SchemaNode? Compile(JsonNode? root, out IReadOnlyList<SchemaProblem> problems)
    {
        if (!SchemaShapes.IsSchema(root))
        {
            problems = [new SchemaProblem("#", $"must be {SchemaShapes.Kinds}, not {SchemaShapes.Describe(root)}")];
            return null;
        }

        if (DocumentDepth.FindTooDeep(root, Limits.MaxDocumentDepth) is { } deepPath)
        {
            var location = deepPath.Aggregate("#", (at, segment) => segment is int i ? JsonPointer.Append(at, i) : JsonPointer.Append(at, (string)segment));
            problems = [new SchemaProblem(location, $"the schema nests more than {Limits.MaxDocumentDepth} levels deep")];
            return null;
        }

        var compiler = new SchemaCompiler(root!);
        var top = compiler.CompileSchema(root, "#");
        compiler.ResolveReferences();
        if (compiler._problems.Count == 0 && SameValueCycles.Find(compiler._nodes.Values) is { } cycle)
        {
            compiler.Problem(cycle[0].Location, "the schema refers back to itself without moving into a property or item ("
                + string.Join(" -> ", cycle.Select(n => n.Location)) + "), so validating any value against it would never end");
        }

        problems = compiler._problems;
        return problems.Count == 0 ? top : null;
    }

    private void Problem(string location, string message) => _problems.Add(new SchemaProblem(location, message));

    private SchemaNode CompileSchema(JsonNode? json, string location)
    {
        if (json is not null && _nodes.TryGetValue(json, out var existing))
        {
            return existing;
        }

        if (JsonValues.IsBoolean(json, out var allowed))
        {
            var boolean = new SchemaNode(json!, location) { BooleanValue = allowed };
            _nodes[json!] = boolean;
            return boolean;
        }

        if (json is not JsonObject obj)
        {
            Problem(location, $"must be {SchemaShapes.Kinds}, not {SchemaShapes.Describe(json)}");
            return new SchemaNode(JsonValue.Create(true), location) { BooleanValue = true };
        }

        string? referenceText = null;
        if (obj.TryGetPropertyValue("$ref", out var reference))
        {
            if (JsonValues.TryGetString(reference, out var text))
            {
                referenceText = text;
            }
            else
            {
                Problem(JsonPointer.Append(location, "$ref"), "$ref must be a string such as \"#/definitions/name\"");
            }
        }

        var identifier = obj["$id"] is var id && JsonValues.IsTruthy(id) ? id : obj["id"] is var legacyId && JsonValues.IsTruthy(legacyId) ? legacyId : null;
        var node = new SchemaNode(obj, location)
        {
            ReferenceText = referenceText,
            Identifier = identifier,
            Title = obj["title"],
            LegacyRequired = JsonValues.Kind(obj["required"]) == JsonValueKind.True,
            HasDefault = obj.ContainsKey("default"),
            Default = obj["default"],
        };
        _nodes[obj] = node;
        if (referenceText is not null)
        {
            // A $ref replaces the whole schema (draft-07 and the reference library alike).
            _pendingReferences.Enqueue(node);
            return node;
        }

        var keywords = new List<Keyword>();
        foreach (var (key, value) in obj)
        {
            var at = JsonPointer.Append(location, key);
            var keyword = CompileKeyword(obj, node, key, value, at);
            if (keyword is not null)
            {
                keywords.Add(keyword);
            }
        }

        node.Keywords = keywords;
        return node;
    }

    private Keyword? CompileKeyword(JsonObject schema, SchemaNode node, string key, JsonNode? value, string at)
    {
        switch (key)
        {
            case "type":
                return CompileType(value, at);
            case "properties":
                return CompileProperties(node, value, at);
            case "required":
                return CompileRequired(value, at);
            case "patternProperties":
                return CompileAdditionalProperties(schema, JsonPointer.Append(node.Location, "additionalProperties"), at);
            case "additionalProperties":
                // With patternProperties present, both are checked together at that keyword's place.
                return schema.ContainsKey("patternProperties") ? null : CompileAdditionalProperties(schema, at, null);
            case "enum":
                if (value is JsonArray values)
                {
                    return new EnumKeyword(values);
                }

                Problem(at, "enum must be an array of allowed values");
                return null;
            case "const":
                return new ConstKeyword(value);
            case "pattern":
                return CompilePattern(value, at);
            case "minLength" or "maxLength":
                return TryGetLimit(value, at, key, out var length) ? new LengthKeyword(key, length, value!) : null;
            case "minItems" or "maxItems" or "minProperties" or "maxProperties":
                return TryGetLimit(value, at, key, out var count) ? new CountKeyword(key, count, value!) : null;
            case "minimum" or "maximum":
                return CompileBound(schema, key, value, at);
            case "exclusiveMinimum" or "exclusiveMaximum":
                return CompileExclusiveBound(key, value, at);
            case "multipleOf":
                if (JsonValues.TryGetNumber(value, out var divisor) && !divisor.Negative && !divisor.IsZero)
                {
                    return new MultipleOfKeyword(divisor, value!);
                }

                Problem(at, "multipleOf must be a number greater than 0");
                return null;
            case "items":
                return CompileItems(schema, node, value, at);
            case "uniqueItems":
                if (JsonValues.IsBoolean(value, out var unique))
                {
                    return unique ? new UniqueItemsKeyword() : null;
                }

                Problem(at, "uniqueItems must be true or false");
                return null;
            case "contains":
                return RequireSchema(value, at, key) ? new ContainsKeyword(CompileSchema(value, at)) : null;
            case "propertyNames":
                return RequireSchema(value, at, key) ? new PropertyNamesKeyword(CompileSchema(value, at)) : null;
            case "format":
                return CompileFormat(value, at);
            case "allOf":
                return CompileSchemaList(value, at, key) is { } all ? new AllOfKeyword(all) : null;
            case "anyOf":
                return CompileSchemaList(value, at, key) is { } any ? new AnyOfKeyword(any) : null;
            case "oneOf":
                return CompileSchemaList(value, at, key) is { } one ? new OneOfKeyword(one) : null;
            case "not":
                return RequireSchema(value, at, key) ? new NotKeyword(CompileSchema(value, at)) : null;
            case "dependencies":
                return CompileDependencies(value, at);
            case "if":
                return CompileConditional(schema, node, value, at);
            case "definitions":
                if (value is not JsonObject)
                {
                    Problem(at, "definitions must be an object of named schemas");
                }

                // Definitions are compiled when a $ref reaches them.
                return null;
            default:
                // then/else/additionalItems are read with if/items; annotations (title, default,
                // examples...), Backstage's ui:* and backstage:permissions, and unknown keywords are ignored.
                return null;
        }
    }

    private void ResolveReferences()
    {
        while (_pendingReferences.Count > 0)
        {
            var node = _pendingReferences.Dequeue();
            var at = JsonPointer.Append(node.Location, "$ref");
            if (_targets.TryFind(node.ReferenceText!, out var target, out var targetLocation, out var problem))
            {
                node.Reference = CompileSchema(target, targetLocation);
            }
            else
            {
                Problem(at, problem!);
            }
        }
    }
}
