using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Scaffolder.Templating.Tests.Engine;

/// <summary>Models arrive as dictionaries, System.Text.Json documents or YAML-shaped data; all render alike.</summary>
public sealed class ModelShapeTests
{
    private const string Text =
        "{{ service.name }}|{{ service.port + 1 }}|{{ service.enabled ? 'on' : 'off' }}|" +
        "{{ for t in service.tags }}{{ t }}{{ for.last ? '' : ',' }}{{ end }}|{{ service.owner.team }}|{{ service.tags | array.size }}|{{ service.missing ?? 'none' }}";

    private const string Expected = "api|8081|on|a,b|core|2|none";

    private static readonly Template Template = Template.Parse(Text);

    [Fact]
    public void Dictionary_of_string_keys()
    {
        var model = new Dictionary<string, object?>
        {
            ["service"] = new Dictionary<string, object?>
            {
                ["name"] = "api",
                ["port"] = 8080,
                ["enabled"] = true,
                ["tags"] = new List<object?> { "a", "b" },
                ["owner"] = new Dictionary<string, object?> { ["team"] = "core" },
            },
        };

        Assert.Equal(Expected, Template.Render(model));
    }

    private const string Json = """{"service":{"name":"api","port":8080,"enabled":true,"tags":["a","b"],"owner":{"team":"core"}}}""";

    [Fact]
    public void Json_node()
    {
        Assert.Equal(Expected, Template.Render(JsonNode.Parse(Json)));
    }

    [Fact]
    public void Json_element()
    {
        using var document = JsonDocument.Parse(Json);

        Assert.Equal(Expected, Template.Render(document.RootElement));
    }

    [Fact]
    public void Yaml_shaped_data_with_object_keys_and_scalar_strings()
    {
        // YamlDotNet's untyped deserialization: mappings keyed by object, sequences of object, numbers as parsed values.
        var model = new Dictionary<object, object?>
        {
            ["service"] = new Dictionary<object, object?>
            {
                ["name"] = "api",
                ["port"] = 8080L,
                ["enabled"] = true,
                ["tags"] = new List<object?> { "a", "b" },
                ["owner"] = new Dictionary<object, object?> { ["team"] = "core" },
            },
        };

        Assert.Equal(Expected, Template.Render(model));
    }

    [Fact]
    public void Host_data_is_read_only_and_writes_stay_in_the_render()
    {
        var service = new Dictionary<string, object?> { ["name"] = "api" };
        var model = new Dictionary<string, object?> { ["service"] = service, ["count"] = 1 };

        var output = Template.Parse("{{ count = count + 1 }}{{ count }}").Render(model);

        Assert.Equal("2", output);
        Assert.Equal(1, model["count"]);
    }

    [Fact]
    public void A_model_that_is_not_an_object_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Template.Render(42));
    }

    [Fact]
    public void No_model_renders_with_globals_only()
    {
        Assert.Equal("3", Template.Parse("{{ 1 + 2 }}").Render());
    }
}
