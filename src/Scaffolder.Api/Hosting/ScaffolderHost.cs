using Scaffolder.Api.Endpoints.Catalog;
using Scaffolder.Api.Http;

namespace Scaffolder.Api.Hosting;

/// <summary>Composition of the service: what <c>Program</c> adds and maps.</summary>
public static class ScaffolderHost
{
    public static WebApplicationBuilder AddScaffolder(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024);
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Scaffolder";
            document.Info.Description = "Backstage-compatible catalog and scaffolder API, and the infrastructure hierarchy.";
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
        builder.Services.AddCatalog(builder.Configuration);
        builder.Services.AddHierarchy(builder.Configuration);
        builder.Services.AddScaffolding(builder.Configuration);
        builder.Services.AddScaffolderActions(builder.Configuration);
        return builder;
    }

    public static WebApplication MapScaffolder(this WebApplication app)
    {
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.MapHealthEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGroup("/api/catalog")
            .WithTags("catalog")
            .MapEntityEndpoints()
            .MapLocationEndpoints()
            .MapCatalogMiscEndpoints();
        app.MapHierarchy();
        app.MapScaffolding();
        return app;
    }
}
