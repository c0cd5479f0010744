using System.Text.RegularExpressions;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Storage;
using Scaffolder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Scaffolder.Api.Tests.Catalog;

/// <summary>
/// Runs <c>tests/node/catalog-client.test.mjs</c> — Backstage's published <c>@backstage/catalog-client</c>
/// and <c>@backstage/catalog-model</c> — against the service on a real port.
/// </summary>
public abstract partial class CatalogClientCompatibilityTests(DatabaseProvider provider, ITestOutputHelper output)
{
    [Fact]
    public async Task Backstage_catalog_client_works_against_the_service()
    {
        await NodeDependencies.EnsureInstalledAsync();
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var baseUrl = app.StartOnLoopback();
        var workDir = Path.Combine(app.Root, "client");

        var result = await ProcessRunner.RunAsync(
            "node",
            ["--test", "--test-reporter=tap", "catalog-client.test.mjs"],
            NodeDependencies.ProjectDirectory,
            new Dictionary<string, string?> { ["SCAFFOLDER_BASE_URL"] = baseUrl, ["SCAFFOLDER_WORK_DIR"] = workDir },
            TimeSpan.FromMinutes(5));

        output.WriteLine(result.Combined);
        var passed = int.Parse(PassCount().Match(result.StandardOutput).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var failed = int.Parse(FailCount().Match(result.StandardOutput).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(result.ExitCode == 0 && failed == 0, $"{failed} catalog-client checks failed:\n{result.Combined}\n--- service log ---\n{app.Logs}");
        Assert.True(passed >= 17, $"Expected every catalog-client check to run, saw {passed}:\n{result.Combined}");
    }

    [GeneratedRegex(@"^# pass (\d+)$", RegexOptions.Multiline)]
    private static partial Regex PassCount();

    [GeneratedRegex(@"^# fail (\d+)$", RegexOptions.Multiline)]
    private static partial Regex FailCount();
}

public sealed class SqliteCatalogClientCompatibilityTests(ITestOutputHelper output) : CatalogClientCompatibilityTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresCatalogClientCompatibilityTests(ITestOutputHelper output) : CatalogClientCompatibilityTests(DatabaseProvider.Postgres, output);
