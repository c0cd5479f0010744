using System.Globalization;
using System.Text;

namespace Scaffolder.Benchmarks.Scaffolder;

/// <summary>
/// An unmodified-Backstage-style template for the dry-run target: <c>fetch:template</c> of a skeleton of
/// exactly one hundred files in Backstage's Nunjucks dialect — templated paths, <c>{% if %}</c> and
/// <c>{% for %}</c> blocks, filters, <c>| dump</c>, JavaScript string methods, Helm <c>{{ }}</c> passing
/// through, a raw block and plain files — plus <c>parseRepoUrl</c> in template.yaml.
/// </summary>
public static class BackstageBenchTemplate
{
    public const string Name = "backstage-bench-100";

    public const int FileCount = 100;

    public const string Yaml = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: backstage-bench-100
          title: Backstage-style service, 100 files
        spec:
          owner: group:default/platform
          type: service
          parameters:
            - title: Service
              required: [component_id, owner, repoUrl]
              properties:
                component_id:
                  type: string
                description:
                  type: string
                owner:
                  type: string
                repoUrl:
                  type: string
                features:
                  type: array
                  items:
                    type: string
          steps:
            - id: template
              name: Fetch Skeleton + Template
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  component_id: ${{ parameters.component_id }}
                  description: ${{ parameters.description }}
                  owner: ${{ parameters.owner }}
                  destination: ${{ parameters.repoUrl | parseRepoUrl }}
                  features: ${{ parameters.features }}
                  java_package: ${{ 'com.acme.' + parameters.component_id | replace('-', '') }}
                  java_package_path: com/acme/${{ parameters.component_id.replace('-', '') }}
          output:
            links:
              - title: Repository
                url: https://github.com/${{ (parameters.repoUrl | parseRepoUrl).owner }}/${{ (parameters.repoUrl | parseRepoUrl).repo }}
        """;

    /// <summary>Skeleton files (path → Nunjucks text), exactly <see cref="FileCount"/> of them.</summary>
    public static IReadOnlyDictionary<string, string> Skeleton { get; } = BuildSkeleton();

    public static object Values(int i) => new
    {
        component_id = $"svc-{i}",
        description = "Benchmark service",
        owner = "group:default/team-a",
        repoUrl = $"github.com?owner=acme&repo=svc-{i}",
        features = new[] { "kafka", "postgres", "metrics" },
    };

    private static Dictionary<string, string> BuildSkeleton()
    {
        var files = new Dictionary<string, string>
        {
            ["catalog-info.yaml"] = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: ${{ values.component_id | dump }}
                  {%- if values.description %}
                  description: ${{ values.description | dump }}
                  {%- endif %}
                  annotations:
                    github.com/project-slug: ${{ values.destination.owner + "/" + values.destination.repo }}
                  tags:
                  {%- for feature in values.features %}
                    - ${{ feature }}
                  {%- endfor %}
                spec:
                  type: service
                  lifecycle: experimental
                  owner: ${{ values.owner | dump }}
                """,
            ["README.md"] = "# ${{ values.component_id | title }}\n\n${{ values.description | default('No description', true) }}\n",
            [".github/workflows/ci.yml"] = "name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ '${{ github.sha }}' }}\n",
            ["charts/${{ values.component_id }}/Chart.yaml"] = "apiVersion: v2\nname: ${{ values.component_id }}\nversion: 0.1.0\n",
            ["charts/${{ values.component_id }}/values.yaml"] = "image:\n  repository: ghcr.io/${{ values.destination.owner }}/${{ values.component_id }}\n",
            ["docs/index.md"] = "# ${{ values.component_id }}\n\n{% raw %}{{ not rendered }} ${{ nor this }}{% endraw %}\n",
        };

        for (var i = 0; files.Count < FileCount; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            switch (i % 5)
            {
                case 0:
                    files[$"src/main/java/${{{{ values.java_package_path }}}}/module{index}/Service{index}.java"] = JavaClass(index);
                    break;
                case 1:
                    files[$"charts/${{{{ values.component_id }}}}/templates/deployment-{index}.yaml"] = HelmTemplate(index);
                    break;
                case 2:
                    files[$"config/{index}/${{{{ values.component_id }}}}.yaml"] = Config(index);
                    break;
                case 3:
                    files[$"docs/pages/page-{index}.md"] = $"# Page {index} of ${{{{ values.component_id | upper }}}}\n\nOwned by ${{{{ (values.owner.split(':')[1] or values.owner) }}}}.\n";
                    break;
                default:
                    files[$"static/asset-{index}.txt"] = $"plain text asset {index} with no expressions at all\n" + new string('x', 400) + "\n";
                    break;
            }
        }

        return files;
    }

    private static string JavaClass(string index) =>
        "package ${{ values.java_package }}.module" + index + ";\n\n"
        + "/** ${{ values.description }} */\n"
        + "public final class Service" + index + " {\n"
        + "    public static final String NAME = \"${{ values.component_id }}\";\n"
        + "{%- for feature in values.features %}\n"
        + "    public static final String FEATURE_${{ loop.index }} = \"${{ feature | upper }}\";\n"
        + "{%- endfor %}\n"
        + "    private Service" + index + "() {\n    }\n}\n";

    private static string HelmTemplate(string index)
    {
        var text = new StringBuilder();
        text.Append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"chart.fullname\" . }}-").Append(index).Append('\n');
        text.Append("  labels:\n    app: ${{ values.component_id }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n");
        text.Append("  template:\n    spec:\n      containers:\n        - name: ${{ values.component_id }}\n");
        text.Append("          image: \"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}\"\n");
        text.Append("          {{- with .Values.resources }}\n          resources:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n");
        return text.ToString();
    }

    private static string Config(string index) =>
        "id: " + index + "\nname: ${{ values.component_id }}\n{% if 'kafka' in values.features %}kafka:\n  topic: ${{ values.component_id }}-events\n{% endif %}"
        + "{% if values.features.length > 2 %}features: ${{ values.features | join(', ') }}\n{% else %}features: few\n{% endif %}";
}
