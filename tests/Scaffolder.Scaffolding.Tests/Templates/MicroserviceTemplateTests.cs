using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Validation;
using Scaffolder.JsonSchema;
using Scaffolder.Scaffolding.Tests.Support;
using Scaffolder.Testing;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Scaffolding.Tests.Templates;

public sealed class MicroserviceTemplateTests(MicroserviceGoldenPath golden, ITestOutputHelper output) : IClassFixture<MicroserviceGoldenPath>
{
    private static readonly string Skeleton = RepositoryPaths.InRepo("templates", "microservice", "skeleton");

    [Fact]
    public void Steps_publish_a_local_bare_repository_and_register_the_component()
    {
        var bare = Path.Combine(golden.RepositoriesRoot, "team-a", $"{MicroserviceGoldenPath.Name}.git");
        var remoteUrl = new Uri(bare).AbsoluteUri;
        Assert.Equal(remoteUrl, golden.Runner.StepOutputs["publish"]["remoteUrl"]!.GetValue<string>());
        Assert.Equal($"component:default/{MicroserviceGoldenPath.Name}", golden.Runner.StepOutputs["register"]["entityRef"]!.GetValue<string>());

        var links = golden.Output["links"]!.AsArray();
        Assert.Equal(remoteUrl, (string?)links[0]!["url"]);
        Assert.Equal($"component:default/{MicroserviceGoldenPath.Name}", (string?)links[1]!["entityRef"]);
        output.WriteLine($"template steps, first (cold) run: {golden.StepsDuration.TotalMilliseconds:0} ms ("
            + string.Join(", ", golden.Runner.StepDurations.Select(d => $"{d.Key} {d.Value.TotalMilliseconds:0} ms")) + ")");
    }

    [Fact]
    public async Task Registered_component_carries_owner_system_lifecycle_and_source_location()
    {
        var json = await golden.Catalog.Entities.GetByRefAsync(EntityRef.Parse($"component:default/{MicroserviceGoldenPath.Name}"));

        var entity = JsonNode.Parse(json!)!;
        Assert.Equal("group:default/team-a", (string?)entity["spec"]!["owner"]);
        Assert.Equal("commerce", (string?)entity["spec"]!["system"]);
        Assert.Equal("experimental", (string?)entity["spec"]!["lifecycle"]);
        Assert.Equal(
            $"url:{golden.Runner.StepOutputs["publish"]["repoContentsUrl"]}/",
            (string?)entity["metadata"]!["annotations"]!["backstage.io/source-location"]);
    }

    [Fact]
    public async Task Catalog_info_passes_our_validator_and_Backstages_catalog_model()
    {
        var entity = ReadYaml("catalog-info.yaml");

        Assert.Empty(EntityValidator.Default.Validate(entity));
        Assert.Equal("valid", await BackstageCatalogModel.ValidateAsync(entity));
        Assert.Equal(MicroserviceGoldenPath.Parameters["description"]!.GetValue<string>(), (string?)entity["metadata"]!["description"]);
    }

    [Fact]
    public async Task Backstages_catalog_model_check_rejects_a_component_without_an_owner()
    {
        var entity = ReadYaml("catalog-info.yaml");
        entity["spec"]!.AsObject().Remove("owner");

        Assert.StartsWith("invalid:", await BackstageCatalogModel.ValidateAsync(entity), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_generated_yaml_file_parses()
    {
        var files = Directory.EnumerateFiles(golden.Clone, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(5, files.Count);
        foreach (var file in files)
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            Assert.NotEmpty(stream.Documents);
        }
    }

    [Fact]
    public void Workflow_builds_tests_and_builds_the_container_image_with_GitHub_expressions_copied_verbatim()
    {
        var workflow = ReadYaml(".github/workflows/ci.yml");

        var jobs = workflow["jobs"]!.AsObject();
        Assert.Equal(["build", "container"], jobs.Select(j => j.Key));
        var buildRuns = jobs["build"]!["steps"]!.AsArray().Select(s => (string?)s!["run"]).OfType<string>().ToList();
        Assert.Contains(buildRuns, r => r.StartsWith("dotnet build", StringComparison.Ordinal));
        Assert.Contains(buildRuns, r => r.StartsWith("dotnet test", StringComparison.Ordinal));
        Assert.Equal("build", (string?)jobs["container"]!["needs"]);
        Assert.Contains(jobs["container"]!["steps"]!.AsArray(), s => ((string?)s!["uses"])?.StartsWith("docker/build-push-action", StringComparison.Ordinal) == true);
        Assert.Contains("${{ github.sha }}", golden.Read(".github/workflows/ci.yml"), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Skeleton, ".github", "workflows", "ci.yml")), File.ReadAllBytes(Path.Combine(golden.Clone, ".github", "workflows", "ci.yml")));
    }

    [Fact]
    public void Files_that_are_not_templates_are_copied_byte_for_byte()
    {
        var plain = Directory.EnumerateFiles(Skeleton, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".sbn", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(plain);
        foreach (var source in plain)
        {
            var relative = Path.GetRelativePath(Skeleton, source).Replace("{{ values.name }}", MicroserviceGoldenPath.Name, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(Path.Combine(golden.Clone, relative)));
        }
    }

    [Fact]
    public void Kubernetes_deployment_sets_resources_probes_and_a_restricted_security_context()
    {
        var deployment = ReadYaml("deploy/kubernetes/deployment.yaml");

        var pod = deployment["spec"]!["template"]!["spec"]!;
        Assert.True((bool?)pod["securityContext"]!["runAsNonRoot"]);
        Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
        var container = pod["containers"]!.AsArray().Single()!;
        Assert.Equal(MicroserviceGoldenPath.Name, (string?)container["name"]);
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.NotNull(container["resources"]![kind]!["cpu"]);
            Assert.NotNull(container["resources"]![kind]!["memory"]);
        }

        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        var security = container["securityContext"]!;
        Assert.True((bool?)security["runAsNonRoot"]);
        Assert.True((bool?)security["readOnlyRootFilesystem"]);
        Assert.False((bool?)security["allowPrivilegeEscalation"]);
        Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("RuntimeDefault", (string?)security["seccompProfile"]!["type"]);
        Assert.Equal(["deployment.yaml", "service.yaml"], ReadYaml("deploy/kubernetes/kustomization.yaml")["resources"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public void Dockerfile_is_multi_stage_and_runs_as_a_non_root_user()
    {
        var lines = golden.Read("Dockerfile").Split('\n').Select(l => l.Trim()).ToList();

        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"], stages);
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.True(int.TryParse(user["USER ".Length..], out var uid) && uid != 0, user);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{MicroserviceGoldenPath.Name}.dll\"]", lines);
    }

    [Fact]
    public void Package_versions_are_managed_centrally()
    {
        var central = XDocument.Load(Path.Combine(golden.Clone, "Directory.Build.props"));
        Assert.Equal("true", central.Descendants("ManagePackageVersionsCentrally").Single().Value);
        var versions = XDocument.Load(Path.Combine(golden.Clone, "Directory.Packages.props")).Descendants("PackageVersion").Select(p => (string?)p.Attribute("Include")).ToHashSet();

        var references = Directory.EnumerateFiles(golden.Clone, "*.csproj", SearchOption.AllDirectories)
            .SelectMany(f => XDocument.Load(f).Descendants("PackageReference"))
            .ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.Null(r.Attribute("Version"));
            Assert.Contains((string?)r.Attribute("Include"), versions);
        });
    }

    [Fact]
    public void Template_entity_is_valid_and_the_parameters_used_pass_its_forms()
    {
        var template = Assert.Single(YamlDocuments.Parse(File.ReadAllText(golden.TemplateFile))).Value!.AsObject();

        Assert.Empty(EntityValidator.Default.Validate(template));
        foreach (var page in template["spec"]!["parameters"]!.AsArray())
        {
            Assert.Empty(JsonSchemaValidator.Validate(page, MicroserviceGoldenPath.Parameters));
        }

        var badName = (JsonObject)MicroserviceGoldenPath.Parameters.DeepClone();
        badName["name"] = "Payments_API";
        Assert.Contains(JsonSchemaValidator.Validate(template["spec"]!["parameters"]![0], badName), e => e.Name == "pattern");
    }

    /// <summary>
    /// The proof the generated repository is real: a fresh clone builds and its tests pass, offline against
    /// the machine's package mirror. Slow (a full restore and build), so it is one test, serialised across
    /// test processes.
    /// </summary>
    [Fact]
    public async Task Generated_repository_builds_and_its_tests_pass()
    {
        using var exclusive = await CrossProcessLock.AcquireAsync("microservice-golden-path-build", TimeSpan.FromMinutes(30));

        var build = await DotnetAsync("build", "--configuration", "Release");
        var test = await DotnetAsync("test", "--no-build", "--configuration", "Release");

        Assert.Contains("Passed!  - Failed:     0, Passed:     5", test.Output, StringComparison.Ordinal);
        output.WriteLine($"dotnet build (restore included): {build.Elapsed.TotalSeconds:0.0} s; dotnet test: {test.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<(string Output, TimeSpan Elapsed)> DotnetAsync(params string[] arguments)
    {
        // The child build must not inherit this test host's MSBuild settings.
        var environment = new Dictionary<string, string?>
        {
            ["MSBuildExtensionsPath"] = null,
            ["MSBuildSDKsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        var watch = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [.. arguments, "--disable-build-servers", "-nodeReuse:false"],
            golden.Clone,
            environment,
            TimeSpan.FromMinutes(20));
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Combined}");
        return (result.Combined, watch.Elapsed);
    }

    private JsonObject ReadYaml(string relativePath)
    {
        var document = Assert.Single(YamlDocuments.Parse(golden.Read(relativePath)));
        Assert.Null(document.Error);
        return document.Value!.AsObject();
    }
}
