namespace Scaffolder.Benchmarks.Scaffolder;

/// <summary>
/// A representative service template for the benchmark: a form like the microservice golden path's,
/// a skeleton of a small .NET service (about twenty files) rendered into the workspace, a
/// <c>catalog-info.yaml</c>, a git publish and output links.
/// </summary>
public static class BenchTemplate
{
    public const string Name = "bench-service";

    public const string Yaml = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: bench-service
          title: Benchmark service
        spec:
          owner: team-a
          type: service
          parameters:
            - title: Service
              required: [name, owner]
              properties:
                name:
                  type: string
                  pattern: '^[a-z][a-z0-9-]*$'
                owner:
                  type: string
                description:
                  type: string
                  default: A service
                system:
                  type: string
                  default: platform
          steps:
            - id: fetch
              name: Fetch skeleton
              action: bench:render
              input:
                values:
                  name: ${{ parameters.name }}
                  owner: ${{ parameters.owner }}
                  description: ${{ parameters.description }}
                  system: ${{ parameters.system }}
            - id: publish
              name: Publish
              action: bench:publish
              input:
                name: ${{ parameters.name }}
          output:
            links:
              - title: Repository
                url: ${{ steps.publish.output.remoteUrl }}
            text:
              - title: Commit
                content: ${{ steps.publish.output.commitHash }}
        """;

    /// <summary>Skeleton files (path → Scriban text).</summary>
    public static IReadOnlyDictionary<string, string> Skeleton { get; } = BuildSkeleton();

    public static object Values(int i) => new { name = $"svc-{i}", owner = "group:default/team-a", description = "Benchmark service" };

    private static Dictionary<string, string> BuildSkeleton()
    {
        var files = new Dictionary<string, string>
        {
            ["catalog-info.yaml"] = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: {{ values.name }}
                  description: {{ values.description }}
                  annotations:
                    backstage.io/source-location: url:https://example.com/{{ values.name }}
                spec:
                  type: service
                  lifecycle: experimental
                  owner: {{ values.owner }}
                  system: {{ values.system }}
                """,
            ["README.md"] = "# {{ values.name }}\n\n{{ values.description }}\n\nOwned by {{ values.owner }}.\n",
            ["Dockerfile"] = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY . .\nUSER app\nENTRYPOINT [\"dotnet\", \"{{ values.name }}.dll\"]\n",
            [".github/workflows/ci.yaml"] = "name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: dotnet test\n",
            ["src/Program.cs"] = "var app = WebApplication.Create(args);\napp.MapGet(\"/healthz\", () => \"ok\");\napp.MapGet(\"/\", () => \"{{ values.name }}\");\napp.Run();\n",
            ["src/{{ values.name }}.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n",
        };
        for (var i = 0; i < 16; i++)
        {
            files[$"src/Features/Feature{i}.cs"] = $$$"""
                namespace {{ values.name | string.replace "-" "_" }}.Features;

                /// <summary>Feature {{{i}}} of {{ values.name }}.</summary>
                public static class Feature{{{i}}}
                {
                    public const string Owner = "{{ values.owner }}";
                {{ for n in 1..10 }}
                    public static int Value{{ n }}() => {{ n }} * {{{i}}};
                {{ end }}
                }
                """;
        }

        return files;
    }
}
