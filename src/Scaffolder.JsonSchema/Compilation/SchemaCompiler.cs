using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Formats;
using Scaffolder.JsonSchema.Keywords;
using Scaffolder.JsonSchema.Patterns;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Compilation;

/// <summary>
/// Turns a schema document into <see cref="SchemaNode"/>s, checking that every keyword it uses
/// has a usable value, resolving local <c>$ref</c>s, and rejecting reference cycles that never
/// move into a property or item (which would make validation loop forever).
/// </summary>
internal sealed class SchemaCompiler
{
    private const string SchemaKinds = "a schema (an object or a boolean)";

    private readonly JsonNode _root;
    private readonly Dictionary<JsonNode, SchemaNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly List<SchemaProblem> _problems = [];
    private readonly Queue<SchemaNode> _pendingReferences = new();
    private Dictionary<string, JsonNode>? _anchors;

    private SchemaCompiler(JsonNode root) => _root = root;

    /// <summary>Compiles <paramref name="root"/>, which the caller no longer changes; null when there are problems.</summary>
    public static SchemaNode? Compile(JsonNode? root, out IReadOnlyList<SchemaProblem> problems)
    {
        if (!IsSchemaShaped(root))
        {
            problems = [new SchemaProblem("#", $"must be {SchemaKinds}, not {Describe(root)}")];
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
        if (compiler._problems.Count == 0)
        {
            compiler.RejectSameValueCycles();
        }

        problems = compiler._problems;
        return problems.Count == 0 ? top : null;
    }

    private static bool IsSchemaShaped(JsonNode? node) =>
        node is JsonObject || JsonValues.Kind(node) is JsonValueKind.True or JsonValueKind.False;

    private static string Describe(JsonNode? node) => JsonValues.Kind(node) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "an object",
    };

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
            Problem(location, $"must be {SchemaKinds}, not {Describe(json)}");
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

    private bool RequireSchema(JsonNode? value, string at, string key)
    {
        if (IsSchemaShaped(value))
        {
            return true;
        }

        Problem(at, $"{key} must be {SchemaKinds}, not {Describe(value)}");
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
                    Problem(at, $"required must list property names as strings, not {Describe(item)}");
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

        if (!IsSchemaShaped(value))
        {
            Problem(at, $"items must be {SchemaKinds} or an array of schemas, not {Describe(value)}");
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
                        Problem(dependencyAt, $"a property dependency must list property names as strings, not {Describe(name)}");
                    }
                }

                dependencies.Add(new Dependency(property, required, null));
            }
            else if (JsonValues.TryGetString(dependency, out var single))
            {
                dependencies.Add(new Dependency(property, [single], null));
            }
            else if (IsSchemaShaped(dependency))
            {
                dependencies.Add(new Dependency(property, null, CompileSchema(dependency, dependencyAt)));
            }
            else
            {
                Problem(dependencyAt, $"a dependency must be {SchemaKinds} or an array of property names, not {Describe(dependency)}");
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

    private void ResolveReferences()
    {
        while (_pendingReferences.Count > 0)
        {
            var node = _pendingReferences.Dequeue();
            var at = JsonPointer.Append(node.Location, "$ref");
            if (TryFindTarget(node.ReferenceText!, at, out var target, out var targetLocation))
            {
                node.Reference = CompileSchema(target, targetLocation);
            }
        }
    }

    private bool TryFindTarget(string reference, string at, out JsonNode? target, out string targetLocation)
    {
        target = null;
        targetLocation = "#";
        string fragment;
        if (reference.StartsWith('#'))
        {
            fragment = reference[1..];
        }
        else if (RootBase() is { Length: > 0 } rootBase
                 && reference.StartsWith(rootBase, StringComparison.Ordinal)
                 && (reference.Length == rootBase.Length || reference[rootBase.Length] == '#'))
        {
            fragment = reference.Length == rootBase.Length ? string.Empty : reference[(rootBase.Length + 1)..];
        }
        else
        {
            Problem(at, $"$ref \"{reference}\" points outside this schema; only references within it (\"#\", \"#/definitions/name\") are supported");
            return false;
        }

        if (fragment.Length == 0 || fragment.StartsWith('/'))
        {
            if (!JsonPointer.TryResolve(_root, fragment, out target))
            {
                Problem(at, $"$ref \"{reference}\" does not resolve: there is nothing at \"#{fragment}\" in this schema");
                return false;
            }

            targetLocation = "#" + fragment;
        }
        else if (!Anchors().TryGetValue("#" + fragment, out target))
        {
            Problem(at, $"$ref \"{reference}\" does not resolve: no subschema has the id \"#{fragment}\"");
            return false;
        }
        else
        {
            targetLocation = "#" + fragment;
        }

        if (!IsSchemaShaped(target))
        {
            Problem(at, $"$ref \"{reference}\" points at {Describe(target)}, not at {SchemaKinds}");
            return false;
        }

        return true;
    }

    private string? RootBase()
    {
        if (_root is not JsonObject obj)
        {
            return null;
        }

        var id = JsonValues.TryGetString(obj["$id"], out var modern) && modern.Length > 0 ? modern
            : JsonValues.TryGetString(obj["id"], out var legacy) ? legacy : null;
        if (id is null)
        {
            return null;
        }

        var hash = id.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? id[..hash] : id;
    }

    /// <summary>Subschemas named by a plain-name fragment id (<c>"$id": "#address"</c>), found once on demand.</summary>
    private Dictionary<string, JsonNode> Anchors()
    {
        if (_anchors is not null)
        {
            return _anchors;
        }

        _anchors = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var stack = new Stack<JsonNode>();
        stack.Push(_root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is JsonObject obj)
            {
                foreach (var idKey in new[] { "$id", "id" })
                {
                    if (JsonValues.TryGetString(obj[idKey], out var id) && id.StartsWith('#'))
                    {
                        _anchors.TryAdd(id, obj);
                    }
                }

                foreach (var (_, child) in obj)
                {
                    if (child is JsonObject or JsonArray)
                    {
                        stack.Push(child);
                    }
                }
            }
            else if (current is JsonArray array)
            {
                foreach (var child in array)
                {
                    if (child is JsonObject or JsonArray)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        return _anchors;
    }

    /// <summary>
    /// A chain of <c>$ref</c>/<c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c>/<c>if</c>/<c>dependencies</c>
    /// that returns to where it started without moving into a property or item would be evaluated
    /// forever; such a schema is rejected here rather than hanging (or overflowing) at validation.
    /// </summary>
    private void RejectSameValueCycles()
    {
        const int unvisited = 0, inProgress = 1, done = 2;
        var state = new Dictionary<SchemaNode, int>(ReferenceEqualityComparer.Instance);
        foreach (var start in _nodes.Values)
        {
            if (state.GetValueOrDefault(start) != unvisited)
            {
                continue;
            }

            var path = new List<SchemaNode> { start };
            var pending = new Stack<IEnumerator<SchemaNode>>();
            state[start] = inProgress;
            pending.Push(SameValueEdges(start).GetEnumerator());
            while (pending.Count > 0)
            {
                var edges = pending.Peek();
                if (!edges.MoveNext())
                {
                    pending.Pop();
                    state[path[^1]] = done;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                var next = edges.Current;
                switch (state.GetValueOrDefault(next))
                {
                    case inProgress:
                        var cycle = path.SkipWhile(n => !ReferenceEquals(n, next)).Append(next).Select(n => n.Location);
                        Problem(next.Location, "the schema refers back to itself without moving into a property or item ("
                            + string.Join(" -> ", cycle) + "), so validating any value against it would never end");
                        return;
                    case unvisited:
                        state[next] = inProgress;
                        path.Add(next);
                        pending.Push(SameValueEdges(next).GetEnumerator());
                        break;
                }
            }
        }
    }

    private static IEnumerable<SchemaNode> SameValueEdges(SchemaNode node) =>
        node.Reference is not null ? [node.Reference] : node.Keywords.SelectMany(k => k.SameValueSubschemas);
}
