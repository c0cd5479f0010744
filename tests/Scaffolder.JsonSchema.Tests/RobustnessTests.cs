using System.Diagnostics;
using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Tests.Support;

namespace Scaffolder.JsonSchema.Tests;

public sealed class RobustnessTests
{
    private static JsonNode NestedArrays(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 1; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    [Fact]
    public void Deeply_nested_value_gives_one_depth_error_instead_of_overflowing()
    {
        var schema = JsonSchema.Compile(Json.Parse("""{"items": {"$ref": "#"}}"""));

        var errors = schema.Validate(NestedArrays(100_000));

        var error = Assert.Single(errors);
        Assert.Equal("maxDepth", error.Name);
        Assert.Equal(128, error.Path.Count);
        Assert.StartsWith("instance[0][0]", error.Property);
        Assert.Equal("is nested more than 128 levels deep, which is more than can be validated", error.Message);
    }

    [Fact]
    public void Value_nested_within_the_limit_is_validated_normally()
    {
        var schema = JsonSchema.Compile(Json.Parse("""{"items": {"$ref": "#"}, "maxItems": 1}"""));

        Assert.Empty(schema.Validate(NestedArrays(128)));
    }

    [Fact]
    public void Deeply_nested_schema_is_reported_not_compiled()
    {
        JsonNode schema = new JsonObject();
        for (var i = 0; i < 100_000; i++)
        {
            schema = new JsonObject { ["not"] = schema };
        }

        Assert.False(JsonSchema.TryCompile(schema, out _, out var problems));

        Assert.Contains("nests more than 128 levels deep", Assert.Single(problems).Message);
    }

    [Fact]
    public void Long_reference_chain_is_cut_off_with_a_depth_error()
    {
        // 3000 definitions, each deferring to the next through allOf: legal, but deeper than the evaluation limit.
        var definitions = new JsonObject();
        for (var i = 0; i < 3000; i++)
        {
            definitions[$"d{i}"] = new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = $"#/definitions/d{i + 1}" }) };
        }

        definitions["d3000"] = new JsonObject { ["type"] = "string" };
        var schema = JsonSchema.Compile(new JsonObject { ["definitions"] = definitions, ["$ref"] = "#/definitions/d0" });

        var errors = schema.Validate(JsonValue.Create(1));

        Assert.Equal("maxDepth", errors[^1].Name);
        Assert.Contains("more than 1024 nested schema evaluations", errors[^1].Message);
    }

    [Fact]
    public void Deeply_nested_values_for_defaults_are_rejected_clearly()
    {
        var schema = JsonSchema.Compile(Json.Parse("""{"properties": {"a": {"default": 1}}}"""));
        var values = new JsonObject { ["deep"] = NestedArrays(10_000) };

        var exception = Assert.Throws<ArgumentException>(() => schema.ApplyDefaults(values));

        Assert.Contains("nest more than 128 levels deep", exception.Message);
    }

    [Fact]
    public void Huge_object_is_validated_in_linear_time()
    {
        var schema = JsonSchema.Compile(Json.Parse("""
            {"type": "object", "required": ["p0"], "propertyNames": {"pattern": "^p[0-9]+$"},
             "patternProperties": {"^p[0-9]*0$": {"type": "integer"}}, "additionalProperties": {"type": "integer", "minimum": 0},
             "maxProperties": 1000000}
            """));
        var values = new JsonObject();
        for (var i = 0; i < 200_000; i++)
        {
            values[$"p{i}"] = i;
        }

        var watch = Stopwatch.StartNew();
        var errors = schema.Validate(values);

        Assert.Empty(errors);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Unique_items_on_a_huge_array_is_hashed_not_quadratic()
    {
        var schema = JsonSchema.Compile(Json.Parse("""{"uniqueItems": true, "items": {"type": "object"}}"""));
        var array = new JsonArray();
        for (var i = 0; i < 200_000; i++)
        {
            array.Add(new JsonObject { ["id"] = i, ["name"] = $"n{i}" });
        }

        array.Add(new JsonObject { ["name"] = "n5", ["id"] = 5.0 });

        var watch = Stopwatch.StartNew();
        var error = Assert.Single(schema.Validate(array));

        Assert.Equal("uniqueItems", error.Name);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Huge_string_against_a_pattern_is_linear()
    {
        var schema = JsonSchema.Compile(Json.Parse("""{"pattern": "^([a-z]+)*$", "maxLength": 10000000}"""));
        var text = new string('a', 1_000_000) + "1";

        var watch = Stopwatch.StartNew();
        var error = Assert.Single(schema.Validate(JsonValue.Create(text)));

        Assert.Equal("pattern", error.Name);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Huge_numbers_are_compared_without_overflow_or_slowness()
    {
        var schema = JsonSchema.Compile(Json.Parse("""{"type": "integer", "maximum": 1e400, "multipleOf": 7}"""));

        Assert.Empty(schema.Validate(Json.Parse("7e399")));
        Assert.Equal(["maximum"], schema.Validate(Json.Parse("7e400")).Select(e => e.Name));
        Assert.Equal(["multipleOf"], schema.Validate(Json.Parse("1e300")).Select(e => e.Name));
        Assert.Empty(schema.Validate(Json.Parse("-7e-0")));
        Assert.Equal(["maximum", "multipleOf"], schema.Validate(Json.Parse("1e999999999999")).Select(e => e.Name));
    }

    [Fact]
    public void Compiled_schema_can_be_used_from_many_threads()
    {
        var schema = JsonSchema.Compile(Json.Parse("""
            {"required": ["name"], "properties": {"name": {"pattern": "^[a-z]+$"}, "tags": {"uniqueItems": true}}}
            """));

        var results = Enumerable.Range(0, 2000).AsParallel().Select(i =>
        {
            var value = new JsonObject { ["name"] = i % 2 == 0 ? "ok" : "Not OK", ["tags"] = new JsonArray("a", "a") };
            return schema.Validate(value).Count;
        }).ToList();

        Assert.All(results.Select((count, i) => (count, i)), r => Assert.Equal(r.i % 2 == 0 ? 1 : 2, r.count));
    }

    [Fact]
    public void Schema_is_copied_so_later_changes_to_the_input_do_not_affect_it()
    {
        var source = Json.Parse("""{"type": "string"}""")!;
        var schema = JsonSchema.Compile(source);

        source["type"] = "number";

        Assert.Empty(schema.Validate(JsonValue.Create("text")));
    }
}
