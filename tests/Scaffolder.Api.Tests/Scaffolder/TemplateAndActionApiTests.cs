using System.Net;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>Parameter schemas, the action list, templating extensions and autocompletion.</summary>
public abstract class TemplateAndActionApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ScaffolderTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ScaffolderTestHost.StartAsync(provider, Templates.All, settings => settings["Scaffolder:Workers"] = "0");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_parameter_schema_has_the_title_description_and_one_step_per_parameter_object()
    {
        var schema = await GetObjectAsync("/api/scaffolder/v2/templates/default/template/basic/parameter-schema");

        Assert.Equal(["title", "description", "steps"], schema.Select(p => p.Key));
        Assert.Equal("Basic template", schema["title"]!.GetValue<string>());
        Assert.Equal("Greets, writes a file and loops", schema["description"]!.GetValue<string>());
        Assert.Equal(["Name", "Extras"], schema["steps"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()));
        Assert.Equal("^[a-z-]+$", schema["steps"]![0]!["schema"]!["properties"]!["name"]!["pattern"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_parameter_step_without_a_title_gets_backstages_default_and_a_template_without_title_its_name()
    {
        var schema = await GetObjectAsync("/api/scaffolder/v2/templates/default/template/secretive/parameter-schema");

        Assert.Equal("secretive", schema["title"]!.GetValue<string>());
        Assert.Equal("Please enter the following information", schema["steps"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_parameter_schema_of_an_unknown_template_is_not_found()
    {
        var response = await _host.Client.GetAsync("/api/scaffolder/v2/templates/default/template/nope/parameter-schema");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFoundError", (await response.ReadJsonAsync())["error"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Actions_are_listed_sorted_by_id_with_their_schemas_and_examples()
    {
        var actions = (await (await _host.Client.GetAsync("/api/scaffolder/v2/actions")).ReadJsonAsync()).AsArray();

        var ids = actions.Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("test:echo", ids);
        var echo = actions.Single(a => a!["id"]!.GetValue<string>() == "test:echo")!;
        Assert.Equal(["id", "description", "examples", "schema"], echo.AsObject().Select(p => p.Key));
        Assert.Equal("string", echo["schema"]!["input"]!["properties"]!["message"]!["type"]!.GetValue<string>());
        Assert.NotNull(echo["schema"]!["output"]);
        Assert.Equal("Use test:echo", echo["examples"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Templating_extensions_list_filters_and_global_functions()
    {
        var extensions = await GetObjectAsync("/api/scaffolder/v2/templating-extensions");

        Assert.Equal(["filters", "globals"], extensions.Select(p => p.Key));
        Assert.Equal(["parseEntityRef", "parseRepoUrl", "pick", "projectSlug"], extensions["filters"]!.AsObject().Select(p => p.Key));
        Assert.False(string.IsNullOrEmpty(extensions["filters"]!["parseRepoUrl"]!["description"]!.GetValue<string>()));
        Assert.Equal("${{ parameters.owner | parseEntityRef | pick('name') }}", extensions["filters"]!["pick"]!["examples"]![0]!["example"]!.GetValue<string>());
        Assert.Equal(["always", "failure"], extensions["globals"]!["functions"]!.AsObject().Select(p => p.Key));
        Assert.Equal("{}", extensions["globals"]!["values"]!.ToJsonString());
    }

    [Theory]
    [InlineData("{}", "Missing token query parameter")]
    [InlineData("""{"token": "t", "context": {}}""", "Unsupported provider: github")]
    public async Task Autocomplete_answers_backstages_400s_as_no_provider_is_installed(string body, string message)
    {
        var response = await _host.Client.PostJsonAsync("/api/scaffolder/v2/autocomplete/github/repositories", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadJsonAsync())["error"]!["message"]!.GetValue<string>());
    }

    private async Task<JsonObject> GetObjectAsync(string url)
    {
        var response = await _host.Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).AsObject();
    }
}

public sealed class SqliteTemplateAndActionApiTests() : TemplateAndActionApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresTemplateAndActionApiTests() : TemplateAndActionApiTests(DatabaseProvider.Postgres);
