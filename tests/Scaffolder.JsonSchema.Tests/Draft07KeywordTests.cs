using Scaffolder.JsonSchema.Tests.Support;

namespace Scaffolder.JsonSchema.Tests;

/// <summary>
/// Draft-06/07 keywords the npm test suite (draft-3/4 only) does not exercise, modelled on the
/// official suite's later drafts: schema, value, expected verdict.
/// </summary>
public sealed class Draft07KeywordTests
{
    public static TheoryData<string, string, string, bool> Cases => new()
    {
        // const
        { "const: same number", """{"const": 2}""", "2", true },
        { "const: same number written differently", """{"const": 2}""", "2.0", true },
        { "const: other number", """{"const": 2}""", "5", false },
        { "const: type matters", """{"const": false}""", "0", false },
        { "const: null matches only null", """{"const": null}""", "null", true },
        { "const: null rejects false", """{"const": null}""", "false", false },
        { "const: object key order ignored", """{"const": {"a": 1, "b": [1, 2]}}""", """{"b": [1, 2], "a": 1}""", true },
        { "const: object extra key", """{"const": {"a": 1}}""", """{"a": 1, "b": 2}""", false },
        { "const: array order matters", """{"const": [1, 2]}""", "[2, 1]", false },
        // contains
        { "contains: one item matches", """{"contains": {"minimum": 5}}""", "[1, 5, 2]", true },
        { "contains: no item matches", """{"contains": {"minimum": 5}}""", "[1, 2]", false },
        { "contains: empty array fails", """{"contains": {"minimum": 5}}""", "[]", false },
        { "contains: ignores non-arrays", """{"contains": {"minimum": 5}}""", "{}", true },
        { "contains: true schema needs one item", """{"contains": true}""", "[1]", true },
        { "contains: false schema never matches", """{"contains": false}""", "[1]", false },
        // propertyNames
        { "propertyNames: all names match", """{"propertyNames": {"maxLength": 3}}""", """{"a": 1, "abc": 2}""", true },
        { "propertyNames: one name too long", """{"propertyNames": {"maxLength": 3}}""", """{"abcd": 1}""", false },
        { "propertyNames: pattern", """{"propertyNames": {"pattern": "^a+$"}}""", """{"aa": 1, "b": 2}""", false },
        { "propertyNames: empty object", """{"propertyNames": false}""", "{}", true },
        { "propertyNames: false rejects any property", """{"propertyNames": false}""", """{"a": 1}""", false },
        { "propertyNames: ignores non-objects", """{"propertyNames": {"maxLength": 1}}""", "[\"abc\"]", true },
        // if / then / else
        { "if/then: condition met, then satisfied", """{"if": {"minimum": 10}, "then": {"multipleOf": 2}, "else": {"maximum": 3}}""", "12", true },
        { "if/then: condition met, then violated", """{"if": {"minimum": 10}, "then": {"multipleOf": 2}, "else": {"maximum": 3}}""", "13", false },
        { "if/else: condition failed, else satisfied", """{"if": {"minimum": 10}, "then": {"multipleOf": 2}, "else": {"maximum": 3}}""", "3", true },
        { "if/else: condition failed, else violated", """{"if": {"minimum": 10}, "then": {"multipleOf": 2}, "else": {"maximum": 3}}""", "5", false },
        { "if without then or else never fails", """{"if": {"minimum": 10}}""", "5", true },
        { "then without if is ignored", """{"then": false}""", "5", true },
        { "else without if is ignored", """{"else": false}""", "5", true },
        { "if: object form as Backstage forms use it", """{"if": {"properties": {"kind": {"const": "service"}}, "required": ["kind"]}, "then": {"required": ["port"]}}""", """{"kind": "service"}""", false },
        { "if: object form, other kind", """{"if": {"properties": {"kind": {"const": "service"}}, "required": ["kind"]}, "then": {"required": ["port"]}}""", """{"kind": "library"}""", true },
        // numeric exclusive bounds (draft-06+) and draft-04 boolean form
        { "exclusiveMinimum: above", """{"exclusiveMinimum": 1.1}""", "1.2", true },
        { "exclusiveMinimum: equal fails", """{"exclusiveMinimum": 1.1}""", "1.1", false },
        { "exclusiveMaximum: below", """{"exclusiveMaximum": 3.0}""", "2.2", true },
        { "exclusiveMaximum: equal fails", """{"exclusiveMaximum": 3.0}""", "3", false },
        { "exclusiveMinimum with minimum: both apply", """{"minimum": 1, "exclusiveMinimum": 3}""", "2", false },
        { "draft-04 exclusiveMinimum true", """{"minimum": 3, "exclusiveMinimum": true}""", "3", false },
        { "draft-04 exclusiveMinimum false", """{"minimum": 3, "exclusiveMinimum": false}""", "3", true },
        { "draft-04 exclusiveMaximum true", """{"maximum": 3, "exclusiveMaximum": true}""", "2.9999", true },
        { "bounds ignore non-numbers", """{"exclusiveMaximum": 0}""", "\"5\"", true },
        { "bounds compare exactly beyond double precision", """{"exclusiveMaximum": 9007199254740993}""", "9007199254740992", true },
        { "bounds compare exactly at equality beyond double precision", """{"exclusiveMaximum": 9007199254740993}""", "9007199254740993", false },
        // dependencies shapes
        { "dependencies array: present with dependency", """{"dependencies": {"a": ["b", "c"]}}""", """{"a": 1, "b": 2, "c": 3}""", true },
        { "dependencies array: dependency missing", """{"dependencies": {"a": ["b", "c"]}}""", """{"a": 1, "b": 2}""", false },
        { "dependencies array: trigger absent", """{"dependencies": {"a": ["b"]}}""", """{"b": 2}""", true },
        { "dependencies array: empty list", """{"dependencies": {"a": []}}""", """{"a": 1}""", true },
        { "dependencies array: null value counts as present", """{"dependencies": {"a": ["b"]}}""", """{"a": null}""", false },
        { "dependencies string form", """{"dependencies": {"a": "b"}}""", """{"a": 1}""", false },
        { "dependencies schema: satisfied", """{"dependencies": {"a": {"required": ["b"], "properties": {"b": {"type": "integer"}}}}}""", """{"a": 1, "b": 2}""", true },
        { "dependencies schema: violated", """{"dependencies": {"a": {"required": ["b"], "properties": {"b": {"type": "integer"}}}}}""", """{"a": 1, "b": "x"}""", false },
        { "dependencies boolean schema true", """{"dependencies": {"a": true}}""", """{"a": 1}""", true },
        { "dependencies boolean schema false", """{"dependencies": {"a": false}}""", """{"a": 1}""", false },
        { "dependencies boolean schema false, trigger absent", """{"dependencies": {"a": false}}""", """{"b": 1}""", true },
        { "dependencies oneOf pattern as Backstage forms use it", """{"properties": {"kind": {"enum": ["a", "b"]}}, "dependencies": {"kind": {"oneOf": [{"properties": {"kind": {"const": "a"}, "x": {"type": "string"}}, "required": ["x"]}, {"properties": {"kind": {"const": "b"}}}]}}}""", """{"kind": "a"}""", false },
        // boolean schemas, integers, $ref
        { "true schema accepts anything", "true", """{"a": [1]}""", true },
        { "false schema rejects everything", "false", "null", false },
        { "integer: 1.0 is an integer", """{"type": "integer"}""", "1.0", true },
        { "integer: 1e2 is an integer", """{"type": "integer"}""", "1e2", true },
        { "integer: 1.5e0 is not", """{"type": "integer"}""", "1.5e0", false },
        { "ref to properties", """{"properties": {"a": {"type": "string"}, "b": {"$ref": "#/properties/a"}}}""", """{"b": 1}""", false },
        { "ref overrides siblings", """{"definitions": {"s": {}}, "properties": {"a": {"$ref": "#/definitions/s", "type": "string"}}}""", """{"a": 1}""", true },
        { "ref by fragment id", """{"definitions": {"n": {"$id": "#name", "type": "string"}}, "properties": {"a": {"$ref": "#name"}}}""", """{"a": 1}""", false },
        { "ref with the root's id as base", """{"$id": "http://example.com/root.json", "definitions": {"n": {"type": "string"}}, "properties": {"a": {"$ref": "http://example.com/root.json#/definitions/n"}}}""", """{"a": 1}""", false },
        { "ref with percent-encoded pointer", """{"definitions": {"a b": {"type": "string"}}, "properties": {"a": {"$ref": "#/definitions/a%20b"}}}""", """{"a": 1}""", false },
        // ignored keywords
        { "ui and backstage keys are ignored", """{"ui:field": "EntityPicker", "ui:options": {"x": 1}, "backstage:permissions": {"tags": ["a"]}, "type": "string"}""", "\"x\"", true },
        { "unknown keywords are ignored", """{"x-custom": {"type": "number"}, "examples": [1], "$comment": "c"}""", "\"x\"", true },
        { "default is only an annotation", """{"type": "string", "default": 5}""", "\"x\"", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Keyword_gives_the_draft07_verdict(string description, string schema, string instance, bool valid)
    {
        var errors = JsonSchema.Compile(Json.Parse(schema)).Validate(Json.Parse(instance));

        Assert.True(valid == (errors.Count == 0), $"{description}: expected {(valid ? "valid" : "invalid")}; errors: [{string.Join("; ", errors)}]");
    }
}
