using Microsoft.Extensions.Options;
using Scaffolder.Catalog;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Processing;
using Scaffolder.Catalog.Services;
using Scaffolder.Catalog.Validation;
using Scaffolder.Storage;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Api.Hosting;

public static class CatalogRegistration
{
    public const string UrlReaderClient = "catalog-url-reader";

    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        services.Configure<CatalogOptions>(configuration.GetSection(CatalogOptions.SectionName));
        services.Configure<LocationReaderOptions>(configuration.GetSection(LocationReaderOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProductPaths>();
        services.AddSingleton(sp => Database.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<CatalogStore>();

        services.AddHttpClient(UrlReaderClient)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton(sp =>
        {
            // The product's own files (catalog-info.yaml, templates) are always readable.
            var options = sp.GetRequiredService<IOptions<LocationReaderOptions>>().Value;
            var root = sp.GetRequiredService<ProductPaths>().Root;
            if (!options.FileRoots.Contains(root))
            {
                options.FileRoots.Add(root);
            }

            return options;
        });
        services.AddSingleton<ILocationReader, FileLocationReader>();
        services.AddSingleton<ILocationReader>(sp => new UrlLocationReader(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(UrlReaderClient),
            sp.GetRequiredService<LocationReaderOptions>(),
            sp.GetServices<IUrlContentReader>()));

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CatalogOptions>>().Value);
        services.AddSingleton(EntityValidator.Default);
        services.AddSingleton(sp => new CatalogRules(sp.GetRequiredService<CatalogOptions>().Rules));
        services.AddSingleton<EntityProcessor>();
        services.AddSingleton<EntityProviderWriter>();
        services.AddSingleton<LocationProcessor>();
        services.AddSingleton<LocationService>();
        services.AddSingleton<EntitiesService>();
        services.AddSingleton<EntityValidationService>();
        services.AddSingleton<LocationAnalyzer>();

        // Order matters: the schema exists before start-up locations are registered.
        services.AddHostedService<DatabaseMigrator>();
        services.AddHostedService<StartupLocations>();
        services.AddHostedService<LocationRefreshLoop>();
        return services;
    }
}
