using Scaffolder.Api.Endpoints.Hierarchy;
using Scaffolder.Hierarchy;
using Scaffolder.Hierarchy.Auditing;
using Scaffolder.Hierarchy.Service;
using Scaffolder.Storage.Hierarchy;

namespace Scaffolder.Api.Hosting;

public static class HierarchyRegistration
{
    /// <summary>The hierarchy's services and its seeder; needs the catalog's (database, entity provider writer).</summary>
    public static IServiceCollection AddHierarchy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HierarchyOptions>(configuration.GetSection(HierarchyOptions.SectionName));
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentIdentity, HttpCurrentIdentity>();
        services.AddSingleton<HierarchyStore>();
        services.AddSingleton<NodeProjector>();
        services.AddSingleton<HierarchyService>();
        services.AddSingleton<HierarchyReader>();
        // After the catalog's: migrations have run by the time it starts.
        services.AddHostedService<HierarchySeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapHierarchy(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/hierarchy")
            .WithTags("hierarchy")
            .MapNodeEndpoints()
            .MapLifecycleEndpoints()
            .MapTreeEndpoints()
            .MapHistoryEndpoints()
            .MapEstateEndpoints();
        return app;
    }
}
