using Scaffolder.JsonSchema.Tests.Support;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Tests.BackstageCompatibility;

public sealed class JsonSchemaNpmCompatibilityTests
{
    public static TheoryData<string> CaseNames => [.. RecordedNpmCases.Names];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Errors_are_those_the_jsonschema_npm_library_reports(string name)
    {
        var testCase = RecordedNpmCases.Find(name);
        var expected = testCase["errors"];

        var errors = JsonSchema.Compile(testCase["schema"]).Validate(testCase["instance"]);
        var actual = ValidationErrorJson.ToBackstageBody(errors)["errors"];

        // Numbers compare by value: the library prints 1e21 as 1e+21.
        Assert.True(
            JsonEquality.Instance.Equals(expected, actual),
            $"expected (jsonschema npm):\n{Json.Text(expected)}\nactual:\n{Json.Text(actual)}");
    }

    [Fact]
    public void Recorded_cases_cover_every_keyword_the_validator_reports()
    {
        var reported = RecordedNpmCases.Names
            .SelectMany(n => RecordedNpmCases.Find(n)["errors"]!.AsArray())
            .Select(e => (string)e!["name"]!)
            .ToHashSet();

        string[] keywords =
        [
            "type", "required", "additionalProperties", "enum", "const", "pattern", "minLength", "maxLength",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "items", "minItems",
            "maxItems", "uniqueItems", "contains", "minProperties", "maxProperties", "format", "allOf", "anyOf",
            "oneOf", "not", "dependencies",
        ];
        Assert.Empty(keywords.Except(reported));
    }
}
