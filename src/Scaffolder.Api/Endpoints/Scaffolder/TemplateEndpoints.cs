using Scaffolder.Catalog.Model;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Templates;

namespace Scaffolder.Api.Endpoints.Scaffolder;

/// <summary>Template parameter schemas and the installed actions.</summary>
public static class TemplateEndpoints
{
    public static RouteGroupBuilder MapTemplateEndpoints(this RouteGroupBuilder scaffolder)
    {
        scaffolder.MapGet("/v2/templates/{namespace}/{kind}/{name}/parameter-schema", GetParameterSchemaAsync).WithName("GetTemplateParameterSchema");
        scaffolder.MapGet("/v2/actions", ListActions).WithName("ListActions");
        return scaffolder;
    }

    private static async Task<IResult> GetParameterSchemaAsync(
        string @namespace, string kind, string name, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(new EntityRef(kind, @namespace, name), cancellationToken);
        return ScaffolderJson.Json(ParameterSchemaView.Build(template.Definition));
    }

    private static IResult ListActions(ActionRegistry actions) =>
        ScaffolderJson.Json(new System.Text.Json.Nodes.JsonArray(actions.All.Select(a => (System.Text.Json.Nodes.JsonNode?)ActionJson.Describe(a)).ToArray()));
}
