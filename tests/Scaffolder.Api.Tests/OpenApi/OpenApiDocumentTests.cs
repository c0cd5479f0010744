using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Storage;
using Scaffolder.Testing;
using Xunit;

namespace Scaffolder.Api.Tests.OpenApi;

/// <summary>
/// <c>openapi/scaffolder.json</c> is generated from the running service. Set <c>UPDATE_OPENAPI=1</c>
/// to rewrite it after changing endpoints; otherwise a stale copy fails this test.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Checked_in_openapi_document_matches_the_service()
    {
        await using var app = await ScaffolderApp.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var generated = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var formatted = generated.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = RepositoryPaths.InRepo("openapi", "scaffolder.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, formatted);
        }

        Assert.True(
            File.Exists(path) && (await File.ReadAllTextAsync(path)) == formatted,
            "openapi/scaffolder.json is out of date; run `UPDATE_OPENAPI=1 dotnet test tests/Scaffolder.Api.Tests --filter OpenApiDocumentTests` and commit it.");
        Assert.NotNull(generated["paths"]!["/api/catalog/entities"]);
    }
}
