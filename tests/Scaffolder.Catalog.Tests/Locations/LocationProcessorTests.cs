using Scaffolder.Catalog.Ingestion;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Processing;
using Scaffolder.Common.Errors;
using Xunit;

namespace Scaffolder.Catalog.Tests.Locations;

public sealed class LocationProcessorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("scaffolder-locations-").FullName;

    private LocationProcessor Processor => new([new FileLocationReader(new LocationReaderOptions { FileRoots = [_root] })], EntityProcessor.Default);

    [Fact]
    public async Task The_generated_location_entity_comes_first_and_parents_the_files_entities()
    {
        var file = Write("catalog.yaml", Component("a") + "---\n" + Component("b"));

        var result = await Processor.ProcessAsync(new LocationSpec("file", file), optional: false, CancellationToken.None);

        Assert.False(result.HasProblems);
        Assert.Equal(["location", "component", "component"], result.Entities.Select(e => e.Entity.Ref.Kind.ToLowerInvariant()));
        Assert.Equal(GeneratedLocationEntity.RefFor(new LocationSpec("file", file)).ToString(), result.Entities[0].Entity.CanonicalRef);
        Assert.All(result.Entities.Skip(1), e => Assert.Equal(result.Entities[0].Entity.CanonicalRef, e.Origin.ParentRef));
    }

    [Fact]
    public async Task Location_cycles_are_read_once()
    {
        var a = Write("a.yaml", Location("loop-a", "./b.yaml"));
        Write("b.yaml", Location("loop-b", "./a.yaml") + "---\n" + Component("inside"));

        var result = await Processor.ProcessAsync(new LocationSpec("file", a), optional: false, CancellationToken.None);

        Assert.False(result.HasProblems);
        Assert.Equal(1, result.Entities.Count(e => e.Entity.CanonicalRef == "component:default/inside"));
    }

    [Fact]
    public async Task Problems_are_attached_to_the_location_entity_that_led_to_them()
    {
        var root = Write("root.yaml", Location("root", "./missing.yaml") + "---\n" + Location("maybe", "./optional-missing.yaml", optional: true) + "---\n" + "- not\n- an object\n");

        var result = await Processor.ProcessAsync(new LocationSpec("file", root), optional: false, CancellationToken.None);

        var rootLocation = result.Entities.Single(e => e.Entity.CanonicalRef == "location:default/root");
        Assert.Contains(rootLocation.Errors, e => e.Name == "NotFoundError");
        Assert.Empty(result.Entities.Single(e => e.Entity.CanonicalRef == "location:default/maybe").Errors);
        Assert.Contains(result.Entities[0].Errors, e => e.Message.Contains("Expected object at root, got array", StringComparison.Ordinal));
        Assert.Equal(2, result.Problems.Count);
    }

    [Fact]
    public async Task A_ref_defined_twice_is_a_conflict()
    {
        var file = Write("twice.yaml", Component("same") + "---\n" + Component("same"));

        var result = await Processor.ProcessAsync(new LocationSpec("file", file), optional: false, CancellationToken.None);

        Assert.Contains(result.Entities[0].Errors, e => e.Name == "ConflictError" && e.Message.Contains("defined more than once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Placeholders_are_resolved_relative_to_the_file()
    {
        Write("docs/definition.json", """{"openapi":"3.0.0"}""");
        var file = Write("docs/api.yaml", "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: p\nspec:\n  type: openapi\n  lifecycle: l\n  owner: o\n  definition:\n    $text: ./definition.json\n  extra:\n    $json: ./definition.json\n");

        var result = await Processor.ProcessAsync(new LocationSpec("file", file), optional: false, CancellationToken.None);

        var spec = result.Entities[1].Entity.Entity["spec"]!;
        Assert.Equal("""{"openapi":"3.0.0"}""", spec["definition"]!.GetValue<string>());
        Assert.Equal("3.0.0", spec["extra"]!["openapi"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_placeholder_that_cannot_be_read_fails_only_its_entity()
    {
        var file = Write("bad-placeholder.yaml", "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: p\nspec:\n  type: openapi\n  lifecycle: l\n  owner: o\n  definition:\n    $text: ./nope.json\n---\n" + Component("fine"));

        var result = await Processor.ProcessAsync(new LocationSpec("file", file), optional: false, CancellationToken.None);

        Assert.Contains(result.Failures, f => f.Ref.ToString() == "api:default/p");
        Assert.Contains(result.Entities, e => e.Entity.CanonicalRef == "component:default/fine");
    }

    [Fact]
    public void Unknown_location_types_and_empty_targets_are_input_errors()
    {
        Assert.Throws<InputError>(() => Processor.Validate(new LocationSpec("github", "x")));
        Assert.Throws<InputError>(() => Processor.Validate(new LocationSpec("file", " ")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Component(string name) =>
        $"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: {name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team\n";

    private static string Location(string name, string target, bool optional = false) =>
        $"apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: {name}\nspec:\n  target: {target}\n{(optional ? "  presence: optional\n" : string.Empty)}";
}
