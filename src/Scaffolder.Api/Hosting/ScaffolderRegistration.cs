using Microsoft.Extensions.Options;
using Scaffolder.Api.Endpoints.Scaffolder;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Scaffolding;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.DryRun;
using Scaffolder.Scaffolding.Execution;
using Scaffolder.Scaffolding.Expressions;
using Scaffolder.Scaffolding.Expressions.Backstage;
using Scaffolder.Scaffolding.Tasks;
using Scaffolder.Scaffolding.Templates;
using Scaffolder.Scaffolding.Workers;
using Scaffolder.Storage.Tasks;

namespace Scaffolder.Api.Hosting;

/// <summary>The scaffolder's task engine and its <c>/api/scaffolder</c> endpoints. Actions are whatever <see cref="IScaffolderAction"/>s are registered.</summary>
public static class ScaffolderRegistration
{
    public static IServiceCollection AddScaffolding(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScaffolderOptions>(configuration.GetSection(ScaffolderOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ScaffolderOptions>>().Value);
        services.AddSingleton<TaskStore>();
        services.AddSingleton<ITemplateExpressionRenderer>(sp => new BackstageExpressionRenderer(sp.GetService<ScmIntegrations>()));
        services.AddSingleton<ActionRegistry>();
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<TaskSecretsProtector>();
        services.AddSingleton<TaskSignals>();
        services.AddSingleton<WorkflowRunner>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<TaskExecution>();
        services.AddSingleton<TaskWorkerPool>();
        services.AddSingleton<TaskJanitor>();
        services.AddSingleton<DryRunService>();
        services.AddHostedService<ScaffolderWorkers>();
        return services;
    }

    public static IEndpointRouteBuilder MapScaffolding(this IEndpointRouteBuilder app)
    {
        var scaffolder = app.MapGroup("/api/scaffolder").WithTags("scaffolder");
        scaffolder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (TemplateValuesInvalidError e)
            {
                // Backstage answers schema violations with a bare {errors: [...]} body, not the error envelope.
                return ScaffolderJson.Json(e.Body, StatusCodes.Status400BadRequest);
            }
        });
        scaffolder
            .MapTemplateEndpoints()
            .MapTaskEndpoints()
            .MapTaskEventEndpoints()
            .MapDryRunEndpoints()
            .MapScaffolderMiscEndpoints();
        return app;
    }
}
