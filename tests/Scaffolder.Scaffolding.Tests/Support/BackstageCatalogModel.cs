using System.Text.Json.Nodes;
using Scaffolder.Testing;

namespace Scaffolder.Scaffolding.Tests.Support;

/// <summary>Validates an entity with Backstage's own <c>@backstage/catalog-model</c> (its default policies and kind validators) under Node.</summary>
public static class BackstageCatalogModel
{
    private const string Script = """
        import * as model from '@backstage/catalog-model';
        let input = '';
        for await (const chunk of process.stdin) input += chunk;
        const policy = model.EntityPolicies.allOf([
          new model.DefaultNamespaceEntityPolicy(),
          new model.NoForeignRootFieldsEntityPolicy(),
          new model.FieldFormatEntityPolicy(),
          new model.SchemaValidEntityPolicy(),
        ]);
        const validators = {
          Component: model.componentEntityV1alpha1Validator,
          API: model.apiEntityV1alpha1Validator,
          System: model.systemEntityV1alpha1Validator,
          Group: model.groupEntityV1alpha1Validator,
        };
        try {
          const entity = await policy.enforce(JSON.parse(input));
          const validator = validators[entity.kind];
          if (!validator || !(await validator.check(entity))) throw new Error(`no validator accepted kind ${entity.kind}`);
          console.log('valid');
        } catch (e) {
          console.log(`invalid: ${e.message}`);
        }
        """;

    /// <summary>"valid", or "invalid: &lt;Backstage's message&gt;".</summary>
    public static async Task<string> ValidateAsync(JsonObject entity)
    {
        await NodeDependencies.EnsureInstalledAsync();
        var scriptFile = Path.Combine(Path.GetTempPath(), $"scaffolder-catalog-model-{Guid.NewGuid():N}.mjs");
        var entityFile = scriptFile + ".json";
        await File.WriteAllTextAsync(scriptFile, Script.Replace("'@backstage/catalog-model'", $"'{new Uri(Path.Combine(NodeDependencies.ModulesDirectory, "@backstage", "catalog-model", "dist", "index.esm.js")).AbsoluteUri}'", StringComparison.Ordinal));
        await File.WriteAllTextAsync(entityFile, entity.ToJsonString());
        try
        {
            var result = await ProcessRunner.RunAsync("sh", ["-c", $"node '{scriptFile}' < '{entityFile}'"], NodeDependencies.ProjectDirectory, timeout: TimeSpan.FromMinutes(1));
            Assert.True(result.ExitCode == 0, result.Combined);
            return result.StandardOutput.Trim();
        }
        finally
        {
            File.Delete(scriptFile);
            File.Delete(entityFile);
        }
    }
}
