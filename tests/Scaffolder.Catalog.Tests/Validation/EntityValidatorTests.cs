using System.Text.Json.Nodes;
using Scaffolder.Catalog.Validation;
using Xunit;

namespace Scaffolder.Catalog.Tests.Validation;

public sealed class EntityValidatorTests
{
    private static JsonObject Component(Action<JsonObject>? change = null)
    {
        var entity = JsonNode.Parse("""
            {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
             "metadata": {"name": "checkout", "labels": {"tier": "gold"}, "annotations": {"github.com/project-slug": "acme/x"},
                          "tags": ["java"], "links": [{"url": "https://example.com", "title": "Home"}]},
             "spec": {"type": "service", "lifecycle": "production", "owner": "team-a", "providesApis": ["x"]}}
            """)!.AsObject();
        change?.Invoke(entity);
        return entity;
    }

    [Fact]
    public void A_well_formed_component_has_no_problems()
    {
        Assert.Empty(EntityValidator.Default.Validate(Component()));
    }

    [Fact]
    public void Every_builtin_kind_validates_in_its_minimal_form()
    {
        var minimal = new[]
        {
            """{"apiVersion":"backstage.io/v1alpha1","kind":"API","metadata":{"name":"a"},"spec":{"type":"openapi","lifecycle":"p","owner":"o","definition":"d"}}""",
            """{"apiVersion":"backstage.io/v1beta1","kind":"Resource","metadata":{"name":"a"},"spec":{"type":"db","owner":"o"}}""",
            """{"apiVersion":"backstage.io/v1alpha1","kind":"System","metadata":{"name":"a"},"spec":{"owner":"o"}}""",
            """{"apiVersion":"backstage.io/v1alpha1","kind":"Domain","metadata":{"name":"a"},"spec":{"owner":"o"}}""",
            """{"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"a"},"spec":{"type":"team","children":[]}}""",
            """{"apiVersion":"backstage.io/v1alpha1","kind":"User","metadata":{"name":"a"},"spec":{"memberOf":[]}}""",
            """{"apiVersion":"backstage.io/v1alpha1","kind":"Location","metadata":{"name":"a"},"spec":{}}""",
            """{"apiVersion":"scaffolder.backstage.io/v1beta3","kind":"Template","metadata":{"name":"a"},"spec":{"type":"service","steps":[{"action":"debug:log"}]}}""",
        };

        foreach (var json in minimal)
        {
            Assert.Empty(EntityValidator.Default.Validate(JsonNode.Parse(json)!.AsObject()));
        }
    }

    [Theory]
    [InlineData("relations", "Unknown field relations")]
    [InlineData("status", "Unknown field status")]
    [InlineData("extra", "Unknown field extra")]
    public void Root_fields_other_than_the_envelope_are_rejected(string field, string expected)
    {
        var problems = EntityValidator.Default.Validate(Component(e => e[field] = new JsonArray()));

        Assert.Contains(expected, problems);
    }

    [Fact]
    public void Relations_and_status_are_accepted_on_entities_read_back_from_the_catalog()
    {
        Assert.Empty(EntityValidator.Default.Validate(Component(e => e["relations"] = new JsonArray()), allowCatalogFields: true));
    }

    [Theory]
    [InlineData("apiVersion", "Malformed envelope, <root> must have required property 'apiVersion' - missingProperty: apiVersion")]
    [InlineData("metadata", "Malformed envelope, <root> must have required property 'metadata' - missingProperty: metadata")]
    public void Missing_envelope_fields_are_reported_like_ajv(string field, string expected)
    {
        Assert.Contains(expected, EntityValidator.Default.Validate(Component(e => e.Remove(field))));
    }

    [Fact]
    public void Wrongly_typed_metadata_is_reported_with_its_json_pointer()
    {
        var problems = EntityValidator.Default.Validate(Component(e =>
        {
            e["metadata"]!["name"] = 5;
            e["metadata"]!["tags"] = "java";
            e["metadata"]!["annotations"]!["x"] = 1;
        }));

        Assert.Contains("Malformed envelope, /metadata/name must be string - type: string", problems);
        Assert.Contains("Malformed envelope, /metadata/tags must be array - type: array", problems);
        Assert.Contains("Malformed envelope, /metadata/annotations/x must be string - type: string", problems);
    }

    [Theory]
    [InlineData("metadata.name", "-bad", "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total")]
    [InlineData("metadata.namespace", "Upper", "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total")]
    [InlineData("kind", "9kind", "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total")]
    [InlineData("apiVersion", "a/b/c", "a valid prefix and/or suffix")]
    public void Field_formats_are_checked_with_backstage_messages(string field, string value, string expectation)
    {
        var entity = Component(e =>
        {
            if (field.StartsWith("metadata.", StringComparison.Ordinal))
            {
                e["metadata"]![field["metadata.".Length..]] = value;
            }
            else
            {
                e[field] = value;
            }
        });

        var problems = EntityValidator.Default.Validate(entity);

        Assert.Contains(
            $"\"{field}\" is not valid; expected {expectation} but found \"{value}\". To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md",
            problems);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("a-b_c.d", true)]
    [InlineData("A1", true)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void Object_names_follow_the_kubernetes_rule(string name, bool valid)
    {
        Assert.Equal(valid, FieldFormats.IsValidObjectName(name));
        Assert.False(FieldFormats.IsValidObjectName(new string('a', 64)));
    }

    [Theory]
    [InlineData("java", true)]
    [InlineData("c++", true)]
    [InlineData("c#", true)]
    [InlineData("a:b", true)]
    [InlineData("Java", false)]
    [InlineData("a_b", false)]
    public void Tags_are_lowercase_words_joined_by_dashes(string tag, bool valid)
    {
        Assert.Equal(valid, FieldFormats.IsValidTag(tag));
    }

    [Theory]
    [InlineData("backstage.io/techdocs-ref", true)]
    [InlineData("simple", true)]
    [InlineData("a/b/c", false)]
    [InlineData("Bad_Prefix/x", false)]
    public void Label_and_annotation_keys_are_an_optional_dns_prefix_and_a_name(string key, bool valid)
    {
        Assert.Equal(valid, FieldFormats.IsValidAnnotationKey(key));
    }

    [Fact]
    public void Label_values_may_be_empty_but_not_arbitrary()
    {
        Assert.True(FieldFormats.IsValidLabelValue(string.Empty));
        Assert.False(FieldFormats.IsValidLabelValue("has space"));
    }

    [Fact]
    public void Links_need_an_absolute_url()
    {
        var problems = EntityValidator.Default.Validate(Component(e => e["metadata"]!["links"]![0]!["url"] = "not a url"));

        Assert.Contains(problems, p => p.StartsWith("\"links.0.url\" is not valid; expected a string that is a valid url", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var problems = EntityValidator.Default.Validate(Component(e =>
        {
            e["metadata"]!["tags"] = new JsonArray("Java", "ok", "a_b");
            e["metadata"]!["labels"] = new JsonObject { ["tier"] = "not valid" };
        }));

        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void Kind_schemas_require_their_spec_fields()
    {
        var problems = EntityValidator.Default.Validate(Component(e =>
        {
            e["spec"]!.AsObject().Remove("owner");
            e["spec"]!["type"] = string.Empty;
            e["spec"]!["providesApis"] = new JsonArray(1);
        }));

        Assert.Contains("/spec must have required property 'owner' - missingProperty: owner", problems);
        Assert.Contains("/spec/type must NOT have fewer than 1 characters - limit: 1", problems);
        Assert.Contains("/spec/providesApis/0 must be string - type: string", problems);
    }

    [Fact]
    public void A_missing_spec_is_reported_for_kinds_that_need_one()
    {
        Assert.Contains("<root> must have required property 'spec' - missingProperty: spec", EntityValidator.Default.Validate(Component(e => e.Remove("spec"))));
    }

    [Fact]
    public void Unknown_kinds_and_api_versions_are_not_recognised()
    {
        var problems = EntityValidator.Default.Validate(Component(e => e["apiVersion"] = "backstage.io/v2"));

        Assert.Equal(["No processor recognized the entity component:default/checkout as valid, possibly caused by a foreign kind or apiVersion"], problems);
    }

    [Fact]
    public void Location_presence_must_be_required_or_optional()
    {
        var location = JsonNode.Parse("""{"apiVersion":"backstage.io/v1alpha1","kind":"Location","metadata":{"name":"a"},"spec":{"presence":"maybe"}}""")!.AsObject();

        Assert.Contains("/spec/presence must be equal to one of the allowed values - allowedValues: required,optional", EntityValidator.Default.Validate(location));
    }

    [Fact]
    public void Template_steps_need_an_action()
    {
        var template = JsonNode.Parse("""{"apiVersion":"scaffolder.backstage.io/v1beta3","kind":"Template","metadata":{"name":"t"},"spec":{"type":"service","steps":[{"id":"x"},{"action":""},{"action":"a","input":[]}]}}""")!.AsObject();

        var problems = EntityValidator.Default.Validate(template);

        Assert.Contains("/spec/steps/0 must have required property 'action' - missingProperty: action", problems);
        Assert.Contains("/spec/steps/1/action must NOT have fewer than 1 characters - limit: 1", problems);
        Assert.Contains("/spec/steps/2/input must be object - type: object", problems);
    }
}
